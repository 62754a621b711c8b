/** Enterprises against one policy: status, amount and, expanded, the explanation; optionally the push state. */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { MatchExplanation, MatchStatusTag, type EnterpriseView, type MatchView, type PushView } from '../enterprises/index.ts';

export type MatchRow = MatchView & { enterprise: EnterpriseView };

export function MatchTable({ rows, loading, pushes }: { rows: MatchRow[]; loading: boolean; pushes?: PushView[] }) {
  const { t } = useTranslation();
  const pushed = new Map((pushes ?? []).map((push) => [push.enterpriseId, push]));
  return (
    <Table
      rowKey={(row) => row.enterprise.id}
      size="small"
      loading={loading}
      dataSource={rows}
      expandable={{ expandedRowRender: (row) => <MatchExplanation outcome={row.explanation} /> }}
      columns={[
        { title: t('enterprise.name'), render: (_, row) => row.enterprise.name },
        { title: t('policy.status'), render: (_, row) => <MatchStatusTag status={row.status} /> },
        { title: t('policy.amount'), render: (_, row) => (row.amount === null ? '—' : row.amount.toFixed(2)) },
        ...(pushes ? [{
          title: t('policy.pushState'),
          render: (_: unknown, row: MatchRow) => {
            const record = pushed.get(row.enterprise.id);
            if (!record) return '—';
            return <Tag color={record.readAt ? 'green' : 'blue'}>{record.readAt ? t('enterprise.read') : t('enterprise.unread')}</Tag>;
          },
        }] : []),
      ]}
    />
  );
}
