/**
 * The grid worker's offline queue: a report made without network is kept on the phone (IndexedDB, through
 * idb-keyval) with its photos and the time it was made, and sent when the network returns. Each entry carries
 * its own Idempotency-Key from the start, so a replay after a lost answer creates nothing twice (docs/grids.md).
 */
import { createStore, del, entries, set } from 'idb-keyval';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiPostOnce } from '../../api/client.ts';
import type { CaseDetailView } from '../../api/types.ts';
import { uploadPhotos } from './case-photos.tsx';

export interface QueuedReport {
  key: string;
  body: Record<string, unknown>;
  photos: File[];
  /** When it was made on the phone (ISO); sent as `reportedAt`. */
  madeAt: string;
  /** Set once the case exists, so a retry only sends the photos. */
  caseNumber?: string;
}

const store = createStore('civicloop-patrol', 'reports');
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

function newKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The network is the problem (no answer at all), not the request. */
function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

/** Sends one entry; the case first (idempotent), then its photos. */
async function send(entry: QueuedReport): Promise<CaseDetailView | null> {
  let detail: CaseDetailView | null = null;
  if (!entry.caseNumber) {
    detail = await apiPostOnce<CaseDetailView>('/api/v1/cases', { ...entry.body, reportedAt: entry.madeAt }, entry.key);
    entry = { ...entry, caseNumber: detail.number };
    await set(entry.key, entry, store);
  }
  await uploadPhotos(entry.caseNumber!, 'report', entry.photos);
  await del(entry.key, store);
  changed();
  return detail;
}

/**
 * Sends the report now, or keeps it when there is no network.
 * @returns the case, or 'queued'
 * @throws ApiError when the server refused it (nothing is kept then)
 */
export async function sendOrQueueReport(body: Record<string, unknown>, photos: File[]): Promise<CaseDetailView | 'queued'> {
  const entry: QueuedReport = { key: newKey(), body, photos, madeAt: new Date().toISOString() };
  // Kept before the first try: a page closed mid-request still has it, and the key makes the retry safe.
  await set(entry.key, entry, store);
  changed();
  if (!navigator.onLine) return 'queued';
  try {
    const detail = await send(entry);
    return detail ?? 'queued';
  } catch (error) {
    if (isOffline(error)) return 'queued';
    await del(entry.key, store);
    changed();
    throw error;
  }
}

/** Sends what is queued, oldest first; stops at the first network failure. @returns how many were sent and refused */
export async function flushQueuedReports(): Promise<{ sent: number; refused: number }> {
  const queued = (await entries<string, QueuedReport>(store)).map(([, entry]) => entry).sort((a, b) => a.madeAt.localeCompare(b.madeAt));
  let sent = 0;
  let refused = 0;
  for (const entry of queued) {
    try {
      await send(entry);
      sent += 1;
    } catch (error) {
      if (isOffline(error)) break;
      // Refused by the server (e.g. the category was retired meanwhile): retrying would not help.
      await del(entry.key, store);
      refused += 1;
      changed();
    }
  }
  return { sent, refused };
}

let flushing: Promise<{ sent: number; refused: number }> | null = null;

/** The queue's size, kept current, and a flush whenever the network returns (and once on mount). */
export function useOfflineQueue(onFlushed?: (result: { sent: number; refused: number }) => void) {
  const [pending, setPending] = useState(0);
  const [online, setOnline] = useState(() => navigator.onLine);
  const count = useCallback(() => {
    void entries(store).then((all) => setPending(all.length), () => setPending(0));
  }, []);
  const flush = useCallback(() => {
    // One flush at a time: the online event and a mount may come together.
    flushing ??= flushQueuedReports().finally(() => { flushing = null; });
    void flushing.then((result) => {
      count();
      if (result.sent + result.refused > 0) onFlushed?.(result);
    });
  }, [count, onFlushed]);
  useEffect(() => {
    listeners.add(count);
    count();
    const goOnline = () => { setOnline(true); flush(); };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    if (navigator.onLine) flush();
    return () => {
      listeners.delete(count);
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [count, flush]);
  return { pending, online };
}
