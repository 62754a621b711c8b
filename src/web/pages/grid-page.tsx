/**
 * /grid — the grid worker's phone page (360 px): my tasks (核实, 自行处置, 核查) with distance and navigation links,
 * the cases of my own grid, and the patrol report, which is kept on the phone when there is no network.
 */
import { Alert, Badge, Button, Card, Empty, List, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORTABLE_KINDS } from '../../domain/case/index.ts';
import { haversineMeters, navigationLinks } from '../../domain/geo/index.ts';
import type { CaseView } from '../api/types.ts';
import { isEnglish } from '../i18n/setup.ts';
import { CaseDrawer, useOfflineQueue } from '../modules/case/index.ts';
import { categoryLabel, formatTime } from '../modules/case/index.ts';
import { ReportForm } from '../modules/case/index.ts';
import { StateTag } from '../modules/case/index.ts';
import { useCaseList } from '../modules/case/index.ts';
import { loadOrgTree, useGeolocation, useLoaded } from '../modules/reference/index.ts';
import { useSession } from '../modules/session/index.ts';
import { useErrorText } from '../ui/errors.ts';

// 我的网格: the cases placed in the worker's own grid (myGrid), not what the worker reported elsewhere.
const FILTER = { state: 'resolved,reported,filed,dispatched,signed,suspended', myGrid: true, page: 1, pageSize: 100 };
/** What needs this worker: a new report to verify (or handle on site), a resolved case to check. */
const TASK_STATES = new Set(['reported', 'resolved']);
const TAP = { minHeight: 44 };

type View = 'tasks' | 'mine' | 'report';

function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`;
}

export function GridPage() {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const { user } = useSession();
  const errorText = useErrorText();
  const tree = useLoaded(loadOrgTree);
  const grid = tree?.districts
    .flatMap((d) => d.streets.flatMap((s) => s.communities.flatMap((c) => c.grids)))
    .find((g) => g.id === user?.gridId);
  const [view, setView] = useState<View>('tasks');
  const [notice, setNotice] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useCaseList(FILTER);
  const geo = useGeolocation();
  const onFlushed = useCallback((result: { sent: number }) => {
    setNotice(t('grid.flushed', { sent: result.sent }));
    list.reload();
  }, [list, t]);
  const queue = useOfflineQueue(onFlushed);
  const tasks = list.items
    .filter((item) => TASK_STATES.has(item.state))
    .map((item) => ({ item, meters: geo.position && item.location ? haversineMeters([geo.position.lng, geo.position.lat], [item.location.lng, item.location.lat]) : null }))
    .sort((a, b) => (a.meters ?? Infinity) - (b.meters ?? Infinity));

  const caseCard = (item: CaseView, meters: number | null, asTask: boolean) => {
    const links = item.location ? navigationLinks(item.location, item.address ?? item.number) : null;
    return (
      <Card size="small" style={{ marginBottom: 8 }} key={item.id}>
        <Space orientation="vertical" style={{ width: '100%' }} size={4}>
          <Space wrap>
            <Typography.Text strong>{item.number}</Typography.Text>
            <StateTag state={item.state} />
            {asTask && <Typography.Text type="warning">{t(item.state === 'reported' ? 'grid.taskVerify' : 'grid.taskCheck')}</Typography.Text>}
          </Space>
          <Typography.Text>{categoryLabel(item, english)}</Typography.Text>
          {item.address && <Typography.Text>{item.address}</Typography.Text>}
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{item.description}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {formatTime(item.reportedAt, english)}
            {meters !== null && ` · ${t('grid.distance', { distance: formatDistance(meters) })}`}
          </Typography.Text>
          {links && (
            <Space wrap aria-label={`${t('grid.navigate')} ${item.number}`}>
              <Button href={links.geo} style={TAP}>{t('grid.navGeo')}</Button>
              <Button href={links.amap} target="_blank" rel="noopener noreferrer" style={TAP}>{t('grid.navAmap')}</Button>
              <Button href={links.baiduWeb} target="_blank" rel="noopener noreferrer" style={TAP}>{t('grid.navBaidu')}</Button>
            </Space>
          )}
          <Button block size="large" type={asTask ? 'primary' : 'default'} onClick={() => setOpenId(item.id)}
            aria-label={`${t(asTask ? 'grid.act' : 'common.detail')} ${item.number}`}>
            {t(asTask ? 'grid.act' : 'common.detail')}
          </Button>
        </Space>
      </Card>
    );
  };

  const cases = (rows: { item: CaseView; meters: number | null }[], asTask: boolean) => (
    <>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <List
        loading={list.loading}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        renderItem={({ item, meters }) => caseCard(item, meters, asTask)}
      />
    </>
  );

  const views: { key: View; label: string; count?: number }[] = [
    { key: 'tasks', label: t('grid.tasks'), count: tasks.length },
    { key: 'mine', label: t('grid.mine') },
    { key: 'report', label: t('grid.report'), count: queue.pending },
  ];
  return (
    <div style={{ paddingBottom: 72 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>{views.find((v) => v.key === view)?.label}</Typography.Title>
        {!queue.online && <Alert type="warning" showIcon title={t('grid.offline')} />}
        {queue.pending > 0 && <Alert type="info" showIcon title={t('grid.pending', { count: queue.pending })} />}
        {notice && <Alert type="success" showIcon title={notice} closable onClose={() => setNotice(null)} />}
        {view === 'tasks' && (
          <>
            <Button onClick={geo.locate} loading={geo.busy} style={TAP}>{t('grid.locate')}</Button>
            {cases(tasks, true)}
          </>
        )}
        {view === 'mine' && cases(list.items.map((item) => ({ item, meters: null })), false)}
        {view === 'report' && (
          <Card size="small">
            <ReportForm
              kinds={REPORTABLE_KINDS.grid_worker}
              gridCode={grid?.code}
              gridLabel={grid ? `${grid.name} (${grid.code})` : undefined}
              withContact={false}
              queueOffline
              onQueued={() => setNotice(t('grid.queued'))}
              onReported={(detail) => {
                setNotice(t('grid.reported', { number: detail.number }));
                setView('mine');
                list.reload();
              }}
            />
          </Card>
        )}
      </Space>
      <nav aria-label={t('grid.nav')} style={{
        position: 'fixed', left: 0, right: 0, bottom: 0, zIndex: 10, display: 'flex', background: '#fff',
        borderTop: '1px solid #f0f0f0', paddingBottom: 'env(safe-area-inset-bottom)',
      }}>
        {views.map((v) => (
          <Button key={v.key} type="text" aria-current={view === v.key ? 'page' : undefined}
            onClick={() => setView(v.key)} style={{ flex: 1, height: 56, fontWeight: view === v.key ? 600 : 400, color: view === v.key ? '#1f5fbf' : undefined }}>
            <Badge count={v.count} size="small" offset={[8, -2]}>{v.label}</Badge>
          </Button>
        ))}
      </nav>
      <CaseDrawer caseId={openId} width="100%" onClose={() => setOpenId(null)} onChanged={() => list.reload()} />
    </div>
  );
}
