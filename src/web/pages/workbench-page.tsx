/** /workbench — the command centre's queue (受理派遣): reported, to dispatch, pending requests, to check. */
import { Alert, Button, Card, Space, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import type { CaseDetailView, CaseListResponse } from '../api/types.ts';
import { CaseDrawer } from '../modules/case/index.ts';
import { CaseFilters, toQuery, type FilterValues } from '../modules/case/index.ts';
import { CaseTable } from '../modules/case/index.ts';
import { countCases, totalText, useCaseList } from '../modules/case/index.ts';
import { CaseExportButtons, QueueTabs, LiveStatus, useLiveCases } from '../modules/case/index.ts';
import { CallIntake } from '../modules/case/index.ts';
import { loadOrgTree, orgNames, useLoaded } from '../modules/reference/index.ts';
import { useSession } from '../modules/session/index.ts';
import { useErrorText } from '../ui/errors.ts';

type QueueKey = 'reported' | 'filed' | 'pending' | 'resolved';
const QUEUE_STATE: Record<QueueKey, string> = { reported: 'reported', filed: 'filed', pending: 'signed', resolved: 'resolved' };
const QUEUE_LABEL: Record<QueueKey, string> = { reported: 'workbench.reported', filed: 'workbench.filed', pending: 'workbench.pendingRequests', resolved: 'workbench.resolved' };

export function WorkbenchPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const errorText = useErrorText();
  const tree = useLoaded(loadOrgTree);
  const districtCode = orgNames(tree).districtCode(user?.districtId ?? null);
  const [queue, setQueue] = useState<QueueKey>('reported');
  const [filters, setFilters] = useState<FilterValues>({});
  const [page, setPage] = useState(1);
  // queues open by urgency: overdue and the nearest deadline first
  const [sort, setSort] = useState('urgency');
  const [openId, setOpenId] = useState<number | null>(null);
  const [intakeOpen, setIntakeOpen] = useState(false);
  const [counts, setCounts] = useState<Partial<Record<QueueKey, number>>>({});
  const pending = queue === 'pending';
  const filter = useMemo(
    () => ({ ...toQuery(filters), state: QUEUE_STATE[queue], sort, page: pending ? 1 : page, pageSize: pending ? 200 : 20 }),
    [filters, queue, page, pending, sort],
  );
  const list = useCaseList(filter);
  const items = pending ? list.items.filter((item) => item.pendingRequest) : list.items;

  useEffect(() => {
    let alive = true;
    const base = toQuery(filters);
    const counted = (['reported', 'filed', 'resolved'] as const).map(async (key) => [key, await countCases({ ...base, state: QUEUE_STATE[key] })] as const);
    // Pending requests are signed cases carrying a request; the API has no filter for that, so count them here.
    const pendingCount = apiGet<CaseListResponse>('/api/v1/cases', { ...base, state: 'signed', page: 1, pageSize: 200 }).then(
      (body) => ['pending', body.items.filter((item) => item.pendingRequest).length] as const,
    );
    Promise.all([...counted, pendingCount]).then(
      (entries) => alive && setCounts(Object.fromEntries(entries)),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [filters, list.items]);

  const changed = (_updated: CaseDetailView) => list.reload();
  // a case reported, filed or moved on any desk: the queue and its badges reload (the counts follow the list)
  useLiveCases(() => list.reload());
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('workbench.title')}</Typography.Title>
        <Space wrap>
          <Button type="primary" icon={<PhoneOutlined />} onClick={() => setIntakeOpen(true)}>{t('intake.open')}</Button>
          <LiveStatus onOpen={setOpenId} />
        </Space>
      </Space>
      <Card size="small">
        <CaseFilters savedPage="workbench" onChange={(values) => { setFilters(values); setPage(1); }} />
      </Card>
      <Card>
        <QueueTabs
          queues={Object.keys(QUEUE_STATE) as QueueKey[]}
          active={queue}
          urgent="reported"
          label={(key) => t(QUEUE_LABEL[key])}
          counts={counts}
          onChange={(key) => { setQueue(key); setPage(1); }}
          extra={<CaseExportButtons query={filter} />}
        />
        {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
        <CaseTable
          items={items}
          loading={list.loading}
          onOpen={(item) => setOpenId(item.id)}
          sort={sort}
          defaultSort="urgency"
          onSort={(next) => { setSort(next); setPage(1); }}
          pagination={pending ? false : { current: page, pageSize: 20, total: list.total, onChange: setPage, showTotal: () => totalText(list, t) }}
        />
      </Card>
      <CallIntake
        open={intakeOpen}
        districtCode={districtCode}
        onClose={() => setIntakeOpen(false)}
        onOpenCase={setOpenId}
        // the call is saved: the intake closes and the new case opens here, for 立案 and 派遣
        onSaved={(detail) => { setIntakeOpen(false); setOpenId(detail.id); list.reload(); }}
      />
      <CaseDrawer caseId={openId} districtCode={districtCode} onClose={() => setOpenId(null)} onChanged={changed} />
    </Space>
  );
}
