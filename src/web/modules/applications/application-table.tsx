/** A list of applications with both countdowns and the buttons the caller offers for each. */
import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { ApplicationCountdowns } from './application-countdown.tsx';
import type { ApplicationStaffView } from './application-types.ts';

export function ApplicationTable({ items, loading, actionsFor }: {
  items: ApplicationStaffView[]; loading: boolean; actionsFor: (application: ApplicationStaffView) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table<ApplicationStaffView>
      rowKey="caseId" size="small" loading={loading} dataSource={items} pagination={{ pageSize: 20 }} locale={{ emptyText: t('applications.noItems') }}
      columns={[
        { title: t('applications.number'), dataIndex: 'number', render: (number: string) => <strong>{number}</strong> },
        { title: t('applications.item'), render: (_, row) => <>{row.serviceItem.name}<br /><small>{row.serviceItem.departmentName}</small></> },
        { title: t('applications.applicant'), render: (_, row) => row.applicant.name },
        { title: t('applications.status'), render: (_, row) => <Tag color="blue">{t(`applications.statuses.${row.status}`)}</Tag> },
        { title: `${t('applications.promised')} / ${t('applications.legal')}`, render: (_, row) => <ApplicationCountdowns application={row} /> },
        { title: t('applications.actions'), render: (_, row) => <Space wrap>{actionsFor(row)}</Space> },
      ]}
    />
  );
}

/** One application action as a button, named in the UI's language. */
export function ApplicationActionButton({ action, onClick, busy }: { action: string; onClick: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  return <Button size="small" onClick={onClick} disabled={busy}>{t(`applications.actionNames.${action}`)}</Button>;
}
