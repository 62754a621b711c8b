/** /policies — 惠企政策: the policies with their mode and issuer; a policy opens its 精准推 page; the editor previews a new one. */
import { Button, Card, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client.ts';
import { isEnglish } from '../i18n/setup.ts';
import type { PolicyView } from '../modules/enterprises/index.ts';
import { PolicyEditor, PolicyMatches } from '../modules/policies/index.ts';
import { useLoaded } from '../modules/reference/index.ts';
import { CardHeading } from '../ui/page-frame.tsx';

export function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const [tick, setTick] = useState(0);
  const policies = useLoaded(() => apiGet<{ items: PolicyView[] }>('/api/v1/policies'), [tick]);
  const [open, setOpen] = useState<PolicyView | null>(null);
  const [editing, setEditing] = useState(false);
  const title = (policy: PolicyView) => (isEnglish(i18n.language) ? policy.titleEn : policy.title);
  return (
    <Card title={<CardHeading>{t('policy.title')}</CardHeading>} extra={<Button onClick={() => setEditing(true)}>{t('policy.create')}</Button>}>
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
      <Drawer open={editing} onClose={() => setEditing(false)} size="large" destroyOnHidden title={t('policy.create')}>
        <PolicyEditor onSaved={() => { setEditing(false); setTick((value) => value + 1); }} />
      </Drawer>
    </Card>
  );
}
