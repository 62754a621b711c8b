/** /enterprises — the district's enterprises and the liaison workbench (我服务的企业), each opening its page. */
import { Card, Drawer, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import { EnterpriseOverview, type EnterpriseView } from '../modules/enterprises/index.ts';
import { useLoaded } from '../modules/reference/index.ts';
import { CardHeading } from '../ui/page-frame.tsx';

export function EnterprisesPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'all' | 'me'>('all');
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useLoaded(() => apiGet<{ items: EnterpriseView[] }>('/api/v1/enterprises', scope === 'me' ? { liaison: 'me' } : {}), [scope]);
  return (
    <Card
      title={<CardHeading>{t('enterprise.title')}</CardHeading>}
      extra={<Segmented value={scope} onChange={(value) => setScope(value as 'all' | 'me')} options={[{ value: 'all', label: t('enterprise.all') }, { value: 'me', label: t('enterprise.mine') }]} />}
    >
      <Table
        rowKey="id"
        size="small"
        loading={!list}
        dataSource={list?.items ?? []}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('enterprise.name'), dataIndex: 'name', render: (name: string, row) => <>{name} {row.invented ? <Tag color="purple">{t('enterprise.invented')}</Tag> : null}</> },
          { title: t('enterprise.uscc'), dataIndex: 'uscc' },
          { title: t('enterprise.industry'), dataIndex: 'industryCode' },
        ]}
      />
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} size="large" destroyOnHidden>
        {openId !== null ? <EnterpriseOverview enterpriseId={openId} asEnterprise={false} /> : null}
      </Drawer>
    </Card>
  );
}
