/**
 * What the crash tests (test/http/crash-recovery*.test.ts) share: a database seeded the way `npm start` seeds
 * it, with real passwords for the staff they log in as (the server runs with demo mode off and so refuses the
 * demo password), and a small fetch client for the real child server they kill.
 */
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedCalendar, seedCategories } from '../../src/services/seed/seed-reference.ts';
import { seedDemoOrg, seedDemoUsers } from '../../src/services/seed/seed-demo-org.ts';
import { hashPassword } from '../../src/services/auth/index.ts';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import type { Role } from '../../src/domain/case/case-model.ts';
import { startChildServer, type ChildServer } from './child-server.ts';

export const CRASH_TEST_PASSWORD = 'Crash-Test-Staff-2026';

/** One district of the demo and its first grid. */
export interface CrashDistrict {
  district: string;
  grid: string;
}

/** Migrates and seeds; gives `roles` the crash-test password; answers each district's first grid. */
export async function prepareCrashDatabase(handle: DatabaseHandle, roles: readonly Role[] = ['operator']): Promise<CrashDistrict[]> {
  await migrateToLatest(handle.db as never);
  await seedCategories(handle.db);
  await seedCalendar(handle.db, new Date());
  await seedDemoOrg(handle.db);
  await seedDemoUsers(handle.db);
  await handle.db.updateTable('users').set({ password_hash: await hashPassword(CRASH_TEST_PASSWORD) }).where('role', 'in', [...roles]).execute();
  const rows = await handle.db.selectFrom('grids as g').innerJoin('districts as d', 'd.id', 'g.district_id')
    .select(['d.code as district', 'g.code as grid']).orderBy('g.code').execute();
  const first = new Map<string, string>();
  for (const row of rows) if (!first.has(row.district.trim())) first.set(row.district.trim(), row.grid.trim());
  return [...first].map(([district, grid]) => ({ district, grid }));
}

export interface JsonResponse {
  status: number;
  body: any;
}

/** JSON over real HTTP; a request that never answers fails after `hangAfterMs` instead of hanging the test. */
export async function fetchJson(url: string, options: { method?: string; token?: string; body?: unknown; hangAfterMs?: number } = {}): Promise<JsonResponse> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.hangAfterMs ? { signal: AbortSignal.timeout(options.hangAfterMs) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Logs in over HTTP with the crash-test password; answers the bearer token. */
export async function loginOverHttp(baseUrl: string, username: string, options: { hangAfterMs?: number } = {}): Promise<string> {
  const login = await fetchJson(`${baseUrl}/api/v1/auth/login`, { body: { username, password: CRASH_TEST_PASSWORD }, ...options });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  return (login.body as { token: string }).token;
}

/** Starts the server again (it links and drains what the killed one left before it listens) and stops it with SIGTERM. */
export async function restartAndStop(env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const restarted = await startChildServer(env);
  restarted.child.kill('SIGTERM');
  return restarted.exited;
}


/**
 * Sends SIGTERM and answers how the server ended. A server still running after `hangAfterMs` is taken as hung
 * (review B.1: a frozen server ignored SIGTERM): it is killed, and the call fails.
 */
export async function stopWithSigterm(server: ChildServer, hangAfterMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  server.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => { timer = setTimeout(() => resolve('hung'), hangAfterMs); });
  const ended = await Promise.race([server.exited, hung]);
  clearTimeout(timer);
  if (ended !== 'hung') return ended;
  server.child.kill('SIGKILL');
  await server.exited;
  throw new Error(`the server did not stop within ${hangAfterMs} ms of SIGTERM`);
}
