/** Loads an enterprise page's data (detail, 一站查, pushes and grants) and reloads it on demand. */
import { useCallback, useEffect, useState } from 'react';
import { apiGet } from '../../api/client.ts';
import type { EnterpriseDetailView, GrantView, PolicyApplicationView, PushView } from './enterprise-types.ts';
import type { OneStopItem } from './policy-match-list.tsx';

export interface EnterpriseData {
  detail: EnterpriseDetailView;
  policies: OneStopItem[];
  grants: GrantView[];
  pushes: PushView[];
  applications: PolicyApplicationView[];
}

export function useEnterprise(id: number | null): { data: EnterpriseData | null; error: unknown; reload: () => void } {
  const [data, setData] = useState<EnterpriseData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    Promise.all([
      apiGet<EnterpriseDetailView>(`/api/v1/enterprises/${id}`),
      apiGet<{ items: OneStopItem[] }>(`/api/v1/enterprises/${id}/policies`),
      apiGet<{ grants: GrantView[]; pushes: PushView[] }>(`/api/v1/enterprises/${id}/benefits`),
      apiGet<{ items: PolicyApplicationView[] }>(`/api/v1/enterprises/${id}/policy-applications`),
    ]).then(([detail, policies, benefits, applications]) => {
      if (live) setData({ detail, policies: policies.items, grants: benefits.grants, pushes: benefits.pushes, applications: applications.items });
    }, (failure: unknown) => live && setError(failure));
    return () => { live = false; };
  }, [id, tick]);
  return { data, error, reload: useCallback(() => setTick((value) => value + 1), []) };
}
