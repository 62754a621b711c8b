/** 精准推 for one policy: the enterprises that meet or almost meet it, and a push to those that meet it. */
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../../api/client.ts';
import { useShowError } from '../../ui/errors.ts';
import type { PushView } from '../enterprises/index.ts';
import { useLoaded } from '../reference/index.ts';
import { MatchTable, type MatchRow } from './match-table.tsx';

export function PolicyMatches({ policyId }: { policyId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [tick, setTick] = useState(0);
  const matches = useLoaded(() => apiGet<{ items: MatchRow[] }>(`/api/v1/policies/${policyId}/matches`), [policyId]);
  const pushes = useLoaded(() => apiGet<{ items: PushView[] }>(`/api/v1/policies/${policyId}/pushes`), [policyId, tick]);
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
      <MatchTable rows={matches?.items ?? []} loading={!matches} pushes={pushes?.items ?? []} />
    </Space>
  );
}
