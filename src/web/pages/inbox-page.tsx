/**
 * /inbox — a department's cases (部门处置) in the operator's tabs: 待签收, 处置中, 待审批 (its own extension or
 * suspension requests awaiting the centre), 挂起, under the desks' filter bar with saved filters. Sorted on the server (urgency first by default), paged, live.
 */
import { Alert, Card, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseDrawer, CaseExportButtons, QueueTabs, CaseTable, LiveStatus, countCases, totalText, useCaseList, useLiveCases } from '../modules/case/index.ts';
import { CaseFilters, toQuery, type FilterValues } from '../modules/case/index.ts';
import { apiGet } from '../api/client.ts';
import type { CaseListResponse } from '../api/types.ts';
import { useErrorText } from '../ui/errors.ts';

type InboxTab = 'toSign' | 'inProgress' | 'awaitingApproval' | 'suspended';
const TAB_STATE: Record<InboxTab, string> = { toSign: 'dispatched', inProgress: 'signed', awaitingApproval: 'signed', suspended: 'suspended' };
const PAGE_SIZE = 20;

export function InboxPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [tab, setTab] = useState<InboxTab>('toSign');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState('urgency');
  const [openId, setOpenId] = useState<number | null>(null);
  const [counts, setCounts] = useState<Partial<Record<InboxTab, number>>>({});
  const [filters, setFilters] = useState<FilterValues>({});
  // 待审批 is a signed case carrying a request; the API has no filter for that, so that tab reads one large page
  const awaiting = tab === 'awaitingApproval';
  const filter = useMemo(
    () => ({ ...toQuery(filters), state: TAB_STATE[tab], sort, page: awaiting ? 1 : page, pageSize: awaiting ? 200 : PAGE_SIZE }),
    [filters, tab, sort, page, awaiting],
  );
  const list = useCaseList(filter);
  const items = awaiting ? list.items.filter((item) => item.pendingRequest) : list.items;
  useLiveCases(() => list.reload());

  useEffect(() => {
    let alive = true;
    const base = toQuery(filters);
    const counted = (['toSign', 'inProgress', 'suspended'] as const).map(async (key) => [key, await countCases({ ...base, state: TAB_STATE[key] })] as const);
    const awaitingCount = apiGet<CaseListResponse>('/api/v1/cases', { ...base, state: 'signed', page: 1, pageSize: 200 }).then(
      (body) => ['awaitingApproval', body.items.filter((item) => item.pendingRequest).length] as const,
    );
    Promise.all([...counted, awaitingCount]).then((entries) => alive && setCounts(Object.fromEntries(entries)), () => undefined);
    return () => {
      alive = false;
    };
  }, [filters, list.items]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('inbox.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('inbox.intro')}</Typography.Text>
        </div>
        <LiveStatus onOpen={setOpenId} />
      </Space>
      <Card size="small">
        <CaseFilters savedPage="inbox" onChange={(values) => { setFilters(values); setPage(1); }} />
      </Card>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card>
        <QueueTabs
          queues={Object.keys(TAB_STATE) as InboxTab[]}
          active={tab}
          urgent="toSign"
          label={(key) => t(`inbox.${key}`)}
          counts={counts}
          onChange={(key) => { setTab(key); setPage(1); }}
          extra={<CaseExportButtons query={filter} />}
        />
        <CaseTable
          items={items}
          loading={list.loading}
          onOpen={(item) => setOpenId(item.id)}
          sort={sort}
          defaultSort="urgency"
          onSort={(next) => { setSort(next); setPage(1); }}
          pagination={awaiting ? false : { current: page, pageSize: PAGE_SIZE, total: list.total, onChange: setPage, showTotal: () => totalText(list, t) }}
        />
      </Card>
      <CaseDrawer caseId={openId} onClose={() => setOpenId(null)} onChanged={() => list.reload()} />
    </Space>
  );
}
