/**
 * /supervision — 督查工作台 for supervisors and leaders: today's overdue and warned cases by unit,
 * issuing 督办 notices (supervisors and leaders), the notices and their state, the 月通报 and rating appeals.
 */
import { Alert, Card, Col, Row, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../api/types.ts';
import type { NoticeStatus } from '../api/supervision-types.ts';
import { CaseDrawer } from '../modules/case/index.ts';
import { useCaseList } from '../modules/case/index.ts';
import { loadOrgTree, orgNames, useLoaded } from '../modules/reference/index.ts';
import { useSession } from '../modules/session/index.ts';
import { AppealsCard } from '../modules/supervision/index.ts';
import { BulletinCard } from '../modules/supervision/index.ts';
import { LateCasesCard, WORKED_FILTER } from '../modules/supervision/index.ts';
import { NoticeForm } from '../modules/supervision/index.ts';
import { NoticeTable } from '../modules/supervision/index.ts';
import { useNotices } from '../modules/supervision/index.ts';
import { useErrorText } from '../ui/errors.ts';

export function SupervisionPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const errorText = useErrorText();
  const tree = useLoaded(loadOrgTree);
  const districtCode = orgNames(tree).districtCode(user?.districtId ?? null);
  // the supervision office and the district's leaders issue 督办 (a leader's names the leader)
  const supervisor = user?.role === 'supervisor' || user?.role === 'leader';
  const cases = useCaseList(WORKED_FILTER);
  const [status, setStatus] = useState<NoticeStatus | 'all'>('all');
  const notices = useNotices(status === 'all' ? undefined : status);
  const [openId, setOpenId] = useState<number | null>(null);
  // A fresh object per click, so choosing the same case again still refills the form.
  const [prefill, setPrefill] = useState<{ number: string } | null>(null);

  const supervise = (item: CaseView) => {
    setPrefill({ number: item.number });
    document.getElementById('notice-form')?.scrollIntoView({ behavior: 'smooth' });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('supervision.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={supervisor ? 16 : 24}>
          <LateCasesCard list={cases} onOpen={setOpenId} onSupervise={supervise} />
        </Col>
        {supervisor && (
          <Col xs={24} xl={8}>
            <Card title={t('supervision.issueTitle')} id="notice-form">
              <NoticeForm
                districtCode={districtCode}
                prefill={prefill}
                onIssued={() => {
                  setPrefill(null);
                  notices.reload();
                  cases.reload();
                }}
              />
            </Card>
          </Col>
        )}
      </Row>
      <Card
        title={t('supervision.notices')}
        extra={
          <Segmented
            value={status}
            onChange={(value) => setStatus(value as NoticeStatus | 'all')}
            options={(['all', 'open', 'answered', 'escalated'] as const).map((key) => ({ value: key, label: key === 'all' ? t('common.all') : t(`supervision.status.${key}`) }))}
          />
        }
      >
        {notices.error ? <Alert type="error" showIcon title={errorText(notices.error)} /> : null}
        <NoticeTable items={notices.items} loading={notices.loading} onOpenCase={setOpenId} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <BulletinCard />
        </Col>
        <Col xs={24} lg={16}>
          <AppealsCard canDecide={supervisor} onOpenCase={setOpenId} />
        </Col>
      </Row>
      <CaseDrawer caseId={openId} districtCode={districtCode} onClose={() => setOpenId(null)} onChanged={() => cases.reload()} />
    </Space>
  );
}
