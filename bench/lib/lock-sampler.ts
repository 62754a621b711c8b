/**
 * Samples pg_stat_activity of the bench database while a load runs: how many backends are active
 * and how many of them wait on a lock (row locks of the numbering counter and the timeline chain head).
 */
import pg from 'pg';

export interface LockSample {
  samples: number;
  avgActive: number;
  avgWaitingOnLock: number;
  /** wait_event of lock waits → count over all samples (e.g. transactionid, tuple). */
  lockEvents: Record<string, number>;
}

/** Starts sampling every `everyMs`; call the returned function to stop and get the summary. */
export async function startLockSampler(url: string, everyMs = 50): Promise<() => Promise<LockSample>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let samples = 0;
  let active = 0;
  let waiting = 0;
  const lockEvents: Record<string, number> = {};
  let running = true;
  const loop = (async () => {
    while (running) {
      const result = await client.query<{ state: string | null; wait_event_type: string | null; wait_event: string | null }>(
        `select state, wait_event_type, wait_event from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      samples += 1;
      for (const row of result.rows) {
        if (row.state === 'active') active += 1;
        if (row.wait_event_type === 'Lock') {
          waiting += 1;
          lockEvents[row.wait_event ?? '?'] = (lockEvents[row.wait_event ?? '?'] ?? 0) + 1;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await client.end();
    const round = (value: number) => Math.round(value * 100) / 100;
    return { samples, avgActive: round(active / Math.max(1, samples)), avgWaitingOnLock: round(waiting / Math.max(1, samples)), lockEvents };
  };
}
