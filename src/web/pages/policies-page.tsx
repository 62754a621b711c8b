/**
 * /policies — 惠企政策: the policies with their mode and issuer; a policy opens its 精准推 page; the editor previews a new one.
 * The tab 政策申报办理 (`?tab=applications`) is the staff side of 申报 → 受理 → 审核 → 兑现; a handler sees only that tab.
 */
import { Button, Card, Drawer, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { apiGet } from '../api/client.ts';
import { isEnglish } from '../i18n/setup.ts';
import type { PolicyView } from '../modules/enterprises/index.ts';
import { ApplicationDesk, PolicyEditor, PolicyMatches } from '../modules/policies/index.ts';
import { useSession } from '../modules/session/index.ts';
import { useLoaded } from '../modules/reference/index.ts';
import { CardHeading } from '../ui/page-frame.tsx';

export function PoliciesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  // a handler takes steps on the applications routed to its department; the policy list and 精准推 are the managers'
  if (user?.role === 'handler') {
    return <Card title={<CardHeading>{t('policyApplications.title')}</CardHeading>}><ApplicationDesk /></Card>;
  }
  const tab = params.get('tab') === 'applications' ? 'applications' : 'policies';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams(key === 'applications' ? { tab: key } : {}, { replace: true })}
      items={[
        { key: 'policies', label: t('policyApplications.listTab'), children: <PolicyList /> },
        { key: 'applications', label: t('policyApplications.tab'), children: <Card title={<CardHeading>{t('policyApplications.title')}</CardHeading>}><ApplicationDesk /></Card> },
      ]}
    />
  );
}

function PolicyList() {
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
