/** Loads a page of cases for a filter; reload() after an action. */
import { useCallback, useEffect, useState } from 'react';
import { apiGet } from '../../api/client.ts';
import type { CaseListResponse, CaseView } from '../../api/types.ts';

export type CaseFilter = Record<string, string | number | boolean | undefined>;

export interface CaseList {
  items: CaseView[];
  total: number;
  /** The total is the planner's estimate (large lists): shown as "约 N". */
  totalIsEstimate: boolean;
  loading: boolean;
  error: unknown;
  reload(): void;
}

/** The cases matching `filter` (a stable JSON-able object). */
export function useCaseList(filter: CaseFilter | null): CaseList {
  const [state, setState] = useState<{ items: CaseView[]; total: number; totalIsEstimate: boolean; error: unknown }>(
    { items: [], total: 0, totalIsEstimate: false, error: null },
  );
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(filter);

  useEffect(() => {
    if (!filter) return;
    let alive = true;
    setLoading(true);
    apiGet<CaseListResponse>('/api/v1/cases', filter)
      .then(
        (body) => alive && setState({ items: body.items, total: body.total, totalIsEstimate: body.totalIsEstimate, error: null }),
        (error: unknown) => alive && setState({ items: [], total: 0, totalIsEstimate: false, error }),
      )
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, loading, reload };
}

/** The pagination's total text: "共 N 条", or "约 N 条" when the server estimated it. */
export function totalText(list: Pick<CaseList, 'total' | 'totalIsEstimate'>, t: (key: string, options: { count: number }) => string): string {
  return t(list.totalIsEstimate ? 'common.totalEstimate' : 'common.total', { count: list.total });
}

/** Only the total of a filter (pageSize 1), for queue counts. */
export async function countCases(filter: CaseFilter): Promise<number> {
  const body = await apiGet<CaseListResponse>('/api/v1/cases', { ...filter, page: 1, pageSize: 1 });
  return body.total;
}
