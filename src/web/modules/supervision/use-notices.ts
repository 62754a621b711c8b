/** Loads 督办 notices (optionally by status); reload() after issuing or answering one. */
import { useCallback, useEffect, useState } from 'react';
import { apiGet } from '../../api/client.ts';
import type { NoticeStatus, NoticeView } from '../../api/supervision-types.ts';

export interface NoticeList {
  items: NoticeView[];
  loading: boolean;
  error: unknown;
  reload(): void;
}

/** The notices the caller may see (a handler: those to the own unit), newest first. */
export function useNotices(status?: NoticeStatus): NoticeList {
  const [state, setState] = useState<{ items: NoticeView[]; error: unknown }>({ items: [], error: null });
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let alive = true;
    setLoading(true);
    apiGet<{ items: NoticeView[] }>('/api/v1/notices', { status })
      .then(
        (body) => alive && setState({ items: [...body.items].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt)), error: null }),
        (error: unknown) => alive && setState({ items: [], error }),
      )
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [status, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, loading, reload };
}
