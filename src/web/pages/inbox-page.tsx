/** /inbox — a department's cases (部门处置), the nearest deadline first, with live countdowns. */
import { Alert, Card, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseDrawer } from '../modules/case/index.ts';
import { runningDeadline } from '../modules/case/index.ts';
import { CaseTable } from '../modules/case/index.ts';
import { useCaseList } from '../modules/case/index.ts';
import { useErrorText } from '../ui/errors.ts';

const FILTER = { state: 'dispatched,signed,suspended', page: 1, pageSize: 200 };

export function InboxPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useCaseList(FILTER);
  const [openId, setOpenId] = useState<number | null>(null);
  const items = useMemo(() => {
    const at = (iso: string | null) => (iso ? new Date(iso).getTime() : Number.POSITIVE_INFINITY);
    return [...list.items].sort((a, b) => at(runningDeadline(a)) - at(runningDeadline(b)));
  }, [list.items]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('inbox.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('inbox.intro')}</Typography.Text>
      </div>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      <Card>
        <CaseTable items={items} loading={list.loading} onOpen={(item) => setOpenId(item.id)} />
      </Card>
      <CaseDrawer caseId={openId} onClose={() => setOpenId(null)} onChanged={() => list.reload()} />
    </Space>
  );
}
