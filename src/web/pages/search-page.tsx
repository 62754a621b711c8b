/** /search — every case in the caller's scope, filtered, paged, and exported as CSV. */
import { Alert, Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isEnglish } from '../i18n/setup.ts';
import { casesToCsv, downloadText, fetchAllCases } from '../modules/case/index.ts';
import { CaseDrawer } from '../modules/case/index.ts';
import { CaseFilters, toQuery, type FilterValues } from '../modules/case/index.ts';
import { CaseTable } from '../modules/case/index.ts';
import { totalText, useCaseList } from '../modules/case/index.ts';
import { loadOrgTree, orgNames, useLoaded } from '../modules/reference/index.ts';
import { useSession } from '../modules/session/index.ts';
import { useErrorText, useShowError } from '../ui/errors.ts';

export function SearchPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const errorText = useErrorText();
  const showError = useShowError();
  const tree = useLoaded(loadOrgTree);
  const districtCode = orgNames(tree).districtCode(user?.districtId ?? null);
  const [filters, setFilters] = useState<FilterValues>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const filter = useMemo(() => ({ ...toQuery(filters), page, pageSize }), [filters, page, pageSize]);
  const list = useCaseList(filter);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows = await fetchAllCases(toQuery(filters));
      const stamp = new Date().toISOString().slice(0, 10);
      downloadText(casesToCsv(rows, t, isEnglish(i18n.language)), `civicloop-cases-${stamp}.csv`);
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>{t('search.title')}</Typography.Title>
      <Card size="small">
        <CaseFilters
          withState
          savedPage="search"
          onChange={(values) => { setFilters(values); setPage(1); }}
          extra={
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()} title={t('search.exportHint')}>
              {t('common.exportCsv')}
            </Button>
          }
        />
      </Card>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card>
        <CaseTable
          items={list.items}
          loading={list.loading}
          highlight={filters.q}
          onOpen={(item) => setOpenId(item.id)}
          pagination={{
            current: page, pageSize, total: list.total, showSizeChanger: true,
            onChange: (next, size) => { setPage(next); setPageSize(size); },
            showTotal: () => totalText(list, t),
          }}
        />
      </Card>
      <CaseDrawer caseId={openId} districtCode={districtCode} onClose={() => setOpenId(null)} onChanged={() => list.reload()} />
    </Space>
  );
}
