/** One enterprise on one page: 一站查, grants, demands, facts and pushes; used by the portal and by staff. */
import { Alert, Card, List, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/errors.ts';
import { DemandPanel } from './demand-panel.tsx';
import { EnterpriseFacts } from './enterprise-facts.tsx';
import { GrantList } from './grant-list.tsx';
import { PolicyApplicationList } from './policy-applications.tsx';
import { PolicyMatchList } from './policy-match-list.tsx';
import { useEnterprise } from './use-enterprise.ts';

export function EnterpriseOverview({ enterpriseId, asEnterprise }: { enterpriseId: number; asEnterprise: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { data, error, reload } = useEnterprise(enterpriseId);
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!data) return <Spin />;
  const pending = data.grants.filter((grant) => grant.status === 'pending');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>{data.detail.name}</Typography.Title>
      {pending.length > 0 ? <Alert type="info" showIcon title={t('enterprise.pendingGrants', { count: pending.length })} /> : null}
      <Card title={t('enterprise.grants')}>
        <GrantList grants={data.grants} canDecide={asEnterprise} onChanged={reload} />
      </Card>
      <Tabs
        items={[
          {
            key: 'policies', label: t('enterprise.oneStop'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <PolicyMatchList items={data.policies} apply={asEnterprise ? { enterpriseId, applications: data.applications, onApplied: reload } : undefined} />
                <PolicyApplicationList applications={data.applications} />
              </Space>
            ),
          },
          { key: 'demands', label: t('enterprise.demands'), children: <DemandPanel enterpriseId={enterpriseId} demands={data.detail.demands} onFiled={reload} canRate={asEnterprise} /> },
          { key: 'facts', label: t('enterprise.profile'), children: <EnterpriseFacts detail={data.detail} /> },
          {
            key: 'pushes', label: t('enterprise.pushes'),
            children: (
              <List
                dataSource={data.pushes}
                locale={{ emptyText: t('enterprise.noPushes') }}
                renderItem={(push) => <List.Item>{push.policyTitle} <Tag>{push.readAt ? t('enterprise.read') : t('enterprise.unread')}</Tag></List.Item>}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
