/** /projects — 挂图作战: projects on the district map and in a list, filtered; /patronage is the patron's "我包保的项目". */
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import { useSession } from '../modules/session/index.ts';
import { LIGHT_COLORS, ProjectDrawer, ProjectImportButton, ProjectMap, ReportStatusTags, STAGES, STAGE_COLORS, type Project } from '../modules/projects/index.ts';
import { useErrorText } from '../ui/errors.ts';

/** The base map needs grid geometry; without it (no grids imported) only the list shows. */
function hasGeometry(map: unknown): boolean {
  return ((map as { features?: unknown[] } | null)?.features?.length ?? 0) > 0;
}

export function ProjectsPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const errorText = useErrorText();
  const [districtCode, setDistrictCode] = useState<string | null>(null);
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [gridMap, setGridMap] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [stage, setStage] = useState<string | undefined>();
  const [type, setType] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [patron, setPatron] = useState<number | undefined>();
  const [picked, setPicked] = useState<number | null>(null);

  const [reload, setReload] = useState(0);

  useEffect(() => {
    let alive = true;
    // The server scopes the list to the caller's district; the base map follows the district it names.
    apiGet<{ district: { code: string }; items: Project[] }>('/api/v1/projects', mine ? { patron: 'me' } : {})
      .then(async (list) => {
        if (!alive) return;
        setProjects(list.items);
        setDistrictCode(list.district.code);
        const map = await apiGet<unknown>('/api/v1/grids/map', { district: list.district.code });
        if (alive) setGridMap(map);
      })
      .catch((failure: unknown) => alive && setError(failure));
    return () => { alive = false; };
  }, [mine, reload]);

  const shown = useMemo(() => (projects ?? []).filter((project) =>
    (!stage || project.stageCode === stage) && (!type || project.type === type) && (!patron || project.patron?.id === patron)
    && (!year || project.planLists.some((entry) => entry.year === year))), [projects, stage, type, year, patron]);
  const patrons = useMemo(() => [...new Map((projects ?? []).flatMap((project) => (project.patron ? [[project.patron.id, project.patron]] as const : []))).values()], [projects]);
  const years = useMemo(() => [...new Set((projects ?? []).flatMap((project) => project.planLists.map((entry) => entry.year)))].sort(), [projects]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{mine ? t('projects.mine') : t('projects.mapTitle')}</Typography.Title>
      <Alert type="info" showIcon title={t('projects.demoNote')} />
      {error ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      <Space wrap>
        <Select allowClear aria-label={t('projects.stageLabel')} placeholder={t('projects.stageLabel')} style={{ width: 160 }} value={stage} onChange={setStage} options={STAGES.map((code) => ({ value: code, label: t(`projects.stage.${code}`) }))} />
        <Select allowClear aria-label={t('projects.typeLabel')} placeholder={t('projects.typeLabel')} style={{ width: 140 }} value={type} onChange={setType} options={['industry', 'infrastructure', 'public'].map((code) => ({ value: code, label: t(`projects.type.${code}`) }))} />
        <Select allowClear aria-label={t('projects.listYear')} placeholder={t('projects.listYear')} style={{ width: 120 }} value={year} onChange={setYear} options={years.map((value) => ({ value, label: String(value) }))} />
        <Button href="/api/v1/projects/export">{t('projects.export')}</Button>
        <Button href="/api/v1/projects/weekly-coordination.docx">{t('projects.weeklyCoordination')}</Button>
        {user?.role === 'project_officer' && !mine ? <ProjectImportButton onImported={() => setReload((n) => n + 1)} /> : null}
        {!mine && <Select allowClear aria-label={t('projects.patron')} placeholder={t('projects.patron')} style={{ width: 160 }} value={patron} onChange={setPatron} options={patrons.map((item) => ({ value: item.id, label: item.displayName }))} />}
      </Space>
      {hasGeometry(gridMap) && districtCode ? <Card size="small" title={t('projects.mapTitle')}><ProjectMap projects={shown} gridMap={gridMap} mapName={`projects-${districtCode}`} onPick={setPicked} /></Card> : null}
      <Card size="small" title={t('projects.list')}>
        <Table<Project> rowKey="id" size="small" loading={!projects && !error} dataSource={shown} pagination={{ pageSize: 20 }} locale={{ emptyText: t('common.empty') }}
          onRow={(row) => ({ onClick: () => setPicked(row.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('projects.name'), dataIndex: 'name' },
            { title: t('projects.stageLabel'), dataIndex: 'stageCode', render: (code: string) => <Tag color={STAGE_COLORS[code]}>{t(`projects.stage.${code}`)}</Tag> },
            { title: t('projects.flagLabel'), dataIndex: 'flag', render: (flag: string) => t(`projects.flag.${flag}`) },
            { title: t('projects.patron'), dataIndex: ['patron', 'displayName'] },
            { title: t('projects.total'), dataIndex: 'totalInvestment' },
            { title: t('projects.light'), dataIndex: ['investment', 'light'], render: (light: keyof typeof LIGHT_COLORS) => <Tag color={LIGHT_COLORS[light]}>{t(`projects.lights.${light}`)}</Tag> },
            { title: t('projects.reporting.label'), key: 'reporting', render: (_value, row) => <ReportStatusTags reporting={row.reporting} /> },
          ]} />
      </Card>
      <ProjectDrawer projectId={picked} onClose={() => setPicked(null)} canWrite={user?.role === 'project_officer'} canRaise={user?.role === 'project_officer' || user?.role === 'leader'} />
    </Space>
  );
}
