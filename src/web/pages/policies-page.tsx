/** /policies — 惠企政策: the policies with their mode and issuer; a policy opens its 精准推 page. */
import { Card, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import { isEnglish } from '../i18n/setup.ts';
import type { PolicyView } from '../modules/enterprises/index.ts';
import { PolicyMatches } from '../modules/policies/index.ts';
import { useLoaded } from '../modules/reference/index.ts';

export function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const policies = useLoaded(() => apiGet<{ items: PolicyView[] }>('/api/v1/policies'));
  const [open, setOpen] = useState<PolicyView | null>(null);
  const title = (policy: PolicyView) => (isEnglish(i18n.language) ? policy.titleEn : policy.title);
  return (
    <Card title={t('policy.title')}>
      <Table
        rowKey="id"
        size="small"
        loading={!policies}
        dataSource={policies?.items ?? []}
        onRow={(row) => ({ onClick: () => setOpen(row), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('policy.name'), render: (_, row) => title(row) },
          { title: t('policy.issuer'), dataIndex: 'issuer' },
          { title: t('policy.document'), dataIndex: 'documentNumber' },
          { title: t('policy.mode'), render: (_, row) => t(`enterprise.mode.${row.mode}`) },
        ]}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size="large" destroyOnHidden title={open ? title(open) : ''}>
        {open ? <><Typography.Paragraph type="secondary">{open.issuer} · {open.documentNumber}</Typography.Paragraph><PolicyMatches policyId={open.id} /></> : null}
      </Drawer>
    </Card>
  );
}
