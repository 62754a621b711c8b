/** The caller's applications (a department's inbox, the window's district) and a way to act on one. */
import { useCallback, useEffect, useState } from 'react';
import { apiGet, apiPost } from '../../api/client.ts';
import type { ApplicationStaffView } from './application-types.ts';

export function useApplications() {
  const [items, setItems] = useState<ApplicationStaffView[]>([]);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await apiGet<{ items: ApplicationStaffView[] }>('/api/v1/service-applications')).items);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => { void reload(); }, [reload]);
  /** Takes an action with the version the list shows, then reloads. */
  const act = useCallback(async (application: ApplicationStaffView, action: string, fields: Record<string, unknown> = {}) => {
    await apiPost(`/api/v1/cases/${application.caseId}/actions/${action}`, { version: application.version, ...fields });
    await reload();
  }, [reload]);
  return { items, loading, reload, act };
}
