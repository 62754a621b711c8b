/** The project page as a drawer: standing, the node chart, reports, problems (cases) and the timeline. */
import { Alert, Card, Descriptions, Drawer, Image, Space, Spin, Table, Tag, Timeline, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client.ts';
import { useErrorText } from '../../ui/errors.ts';
import { NodeGantt } from './node-gantt.tsx';
import { ProblemForm, ReportForm } from './project-forms.tsx';
import { LIGHT_COLORS, type ProjectDetail, type ProjectReport } from './project-types.ts';
import { ReportStatusTags } from './report-status-tag.tsx';

/** A report's site photos as thumbnails; a click shows the EXIF-free copy. */
function ReportPhotoStrip({ report }: { report: ProjectReport }) {
  const { t } = useTranslation();
  if (!report.photos?.length) return null;
  return (
    <Image.PreviewGroup>
      <Space size={4} wrap>
        {report.photos.map((photo) => (
          <Image key={photo.id} width={48} height={48} style={{ objectFit: 'cover' }} src={photo.urls.thumb} preview={{ src: photo.urls.public }}
            alt={t('projects.reportPhotoAlt', { month: report.month })} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

export function ProjectDrawer({ projectId, canWrite, canRaise, onClose }: { projectId: number | null; canWrite: boolean; canRaise: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [detail, setDetail] = useState<ProjectDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    if (projectId === null) return;
    apiGet<ProjectDetail>(`/api/v1/projects/${projectId}`).then(setDetail, setError);
  }, [projectId]);
  useEffect(() => {
    setDetail(null);
    load();
  }, [load]);
  const inv = detail?.investment;
  return (
    <Drawer open={projectId !== null} onClose={onClose} size="large" title={detail?.name ?? t('projects.title')} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      {!detail ? <Spin /> : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {detail.illustrative && <Alert type="info" showIcon title={t('projects.illustrative')} />}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('projects.stageLabel')}>{t(`projects.stage.${detail.stageCode}`)}</Descriptions.Item>
            <Descriptions.Item label={t('projects.patron')}>{detail.patron?.displayName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('projects.total')}>{detail.totalInvestment}</Descriptions.Item>
            <Descriptions.Item label={t('projects.annual')}>{detail.annualInvestment}</Descriptions.Item>
            <Descriptions.Item label={t('projects.yearToDate')}>{inv?.yearToDate} ({inv?.percentOfAnnualPlan ?? '—'}% / {t('projects.timeProgress')} {inv?.timeProgress}%)</Descriptions.Item>
            <Descriptions.Item label={t('projects.light')}><Tag color={LIGHT_COLORS[inv?.light ?? 'red']}>{t(`projects.lights.${inv?.light ?? 'red'}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('projects.registration')}>{detail.registration.eligible ? t('projects.eligible') : t('projects.notEligible')}</Descriptions.Item>
            <Descriptions.Item label={t('projects.flagLabel')}>{t(`projects.flag.${detail.flag}`)}</Descriptions.Item>
            <Descriptions.Item label={t('projects.reporting.label')}><ReportStatusTags reporting={detail.reporting} /></Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('projects.gantt')}><NodeGantt nodes={detail.nodes} /></Card>
          <Card size="small" title={t('projects.reports')}>
            {canWrite && <div style={{ marginBottom: 12 }}><ReportForm projectId={detail.id} onDone={() => { void message.success(t('projects.reportFiled')); load(); }} /></div>}
            <Table rowKey="id" size="small" pagination={{ pageSize: 6 }} dataSource={[...detail.reports].reverse()} locale={{ emptyText: t('common.empty') }}
              columns={[{ title: t('projects.month'), dataIndex: 'month' }, { title: t('projects.amount'), dataIndex: 'amount' }, { title: t('projects.progressText'), dataIndex: 'progressText' },
                { title: t('projects.reportPhotos'), key: 'photos', render: (_: unknown, report: ProjectReport) => <ReportPhotoStrip report={report} /> },
                { title: t('projects.reporting.label'), dataIndex: 'late', render: (late?: boolean) => (late ? <Tag color="orange">{t('projects.reporting.lateTag')}</Tag> : null) }]} />
          </Card>
          <Card size="small" title={t('projects.problems')}>
            <Table rowKey="caseId" size="small" pagination={false} dataSource={detail.problems} locale={{ emptyText: t('common.empty') }}
              columns={[
                { title: t('projects.caseNumber'), dataIndex: 'number' }, { title: t('projects.problemTitle'), dataIndex: 'title' },
                { title: t('projects.caseState'), dataIndex: 'state', render: (state: string) => t(`state.${state}`, { defaultValue: state }) },
                { title: t('projects.age'), dataIndex: 'ageDays' },
              ]} />
            {canRaise && <div style={{ marginTop: 12 }}><ProblemForm projectId={detail.id} onDone={(number) => { void message.success(t('projects.problemRaised', { number })); load(); }} /></div>}
          </Card>
          <Card size="small" title={t('projects.timeline')} extra={detail.timelineIntact ? <Tag color="green">{t('projects.chainIntact')}</Tag> : <Tag color="red">{t('projects.chainBroken')}</Tag>}>
            <Timeline items={[...detail.timeline].reverse().slice(0, 30).map((event) => ({ content: `${event.at.slice(0, 10)} ${t(`projects.actions.${event.action}`, { defaultValue: event.action })}` }))} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
