/** 精准推 for one policy: the enterprises that meet or almost meet it, and a push to those that meet it. */
import { App, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../../api/client.ts';
import { useShowError } from '../../ui/errors.ts';
import { MatchExplanation, MatchStatusTag, type EnterpriseView, type MatchView, type PushView } from '../enterprises/index.ts';
import { useLoaded } from '../reference/index.ts';

type MatchRow = MatchView & { enterprise: EnterpriseView };

export function PolicyMatches({ policyId }: { policyId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [tick, setTick] = useState(0);
  const matches = useLoaded(() => apiGet<{ items: MatchRow[] }>(`/api/v1/policies/${policyId}/matches`), [policyId]);
  const pushes = useLoaded(() => apiGet<{ items: PushView[] }>(`/api/v1/policies/${policyId}/pushes`), [policyId, tick]);
  const pushed = new Map((pushes?.items ?? []).map((push) => [push.enterpriseId, push]));
  const push = async () => {
    try {
      const result = await apiPost<{ pushed: number }>(`/api/v1/policies/${policyId}/pushes`, {});
      void message.success(t('policy.pushed', { count: result.pushed }));
      setTick((value) => value + 1);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => void push()}>{t('policy.push')}</Button>
      <Table
        rowKey={(row) => row.enterprise.id}
        size="small"
        loading={!matches}
        dataSource={matches?.items ?? []}
        expandable={{ expandedRowRender: (row) => <MatchExplanation outcome={row.explanation} /> }}
        columns={[
          { title: t('enterprise.name'), render: (_, row) => row.enterprise.name },
          { title: t('policy.status'), render: (_, row) => <MatchStatusTag status={row.status} /> },
          { title: t('policy.amount'), render: (_, row) => (row.amount === null ? '—' : row.amount.toFixed(2)) },
          {
            title: t('policy.pushState'),
            render: (_, row) => {
              const record = pushed.get(row.enterprise.id);
              if (!record) return '—';
              return <Tag color={record.readAt ? 'green' : 'blue'}>{record.readAt ? t('enterprise.read') : t('enterprise.unread')}</Tag>;
            },
          },
        ]}
      />
    </Space>
  );
}
