/**
 * Rate-limit counters shared by instances (issue 19 §5): with the counters in the database (the default), requests
 * spread over two servers on one database are limited at the same total as on one, and a restarted server still
 * knows the window's count; with CIVICLOOP_REDIS_URL the same holds through Redis (127.0.0.1:6379 here and in CI).
 * The login lockout, counted in the database too, holds across instances. Ended windows are deleted. Both databases
 * (on PGlite the instances share the one connection; on PostgreSQL each opens its own pool).
 * Each test reports from its own client address (through a trusted proxy) so its counters are its own.
 */
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siblingHandle, startTestApp, type TestApp } from '../support/test-app.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/config.ts';
import { databaseRateLimitStore, PRUNE_EVERY_MS, type RateLimitStore } from '../../src/services/auth/index.ts';

const LIMIT = 4;
const REDIS_URL = process.env.CIVICLOOP_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
let t: TestApp;
const cleanups: (() => Promise<void>)[] = [];

/** A server on the test database (its own pool on PostgreSQL) allowing LIMIT anonymous reports a minute. */
async function instance(extra: Record<string, string> = {}): Promise<FastifyInstance> {
  const handle = await siblingHandle(t, cleanups);
  const config = loadConfig({
    CIVICLOOP_DEMO: 'false', LOG_LEVEL: 'silent', CIVICLOOP_ANON_REPORTS_PER_MINUTE: String(LIMIT), CIVICLOOP_TRUST_PROXY: '127.0.0.1', ...extra,
  });
  const { app } = await buildApp({ handle, config, version: 'test', clock: () => t.clock.now, logger: false });
  await app.ready();
  cleanups.unshift(() => app.close());
  return app;
}

const newClient = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

async function report(app: FastifyInstance, client: string, i: number): Promise<number> {
  const res = await app.inject({
    method: 'POST', url: '/api/v1/cases', headers: { 'x-forwarded-for': client },
    payload: { kind: 'event', categoryCode: 'E0102', description: `匿名上报 ${client} ${i}`, gridCode: '220106001001001' },
  });
  if (res.statusCode === 429) expect(JSON.parse(res.body).code).toBe('RATE_LIMITED');
  return res.statusCode;
}

async function spread(apps: FastifyInstance[], client: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push(await report(apps[i % apps.length]!, client, i));
  return statuses;
}

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await t?.close();
});

describe('rate-limit counters shared by instances', () => {
  it('limits requests spread over two instances on one database at the same total as one instance', async () => {
    const [a, b] = [await instance(), await instance()];
    const statuses = await spread([a, b], newClient(), LIMIT * 2);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(201));
    expect(statuses.slice(LIMIT)).toEqual(Array(LIMIT).fill(429));
    // Another client has its own count.
    expect(await report(b, newClient(), 0)).toBe(201);
  });

  it('keeps the count of the current window across a restart', async () => {
    const client = newClient();
    const first = await instance();
    expect(await spread([first], client, LIMIT - 1)).toEqual(Array(LIMIT - 1).fill(201));
    await first.close();
    const restarted = await instance();
    expect(await spread([restarted], client, 2)).toEqual([201, 429]);
  });

  it('holds a login lockout across instances', async () => {
    const [a, b] = [await instance(), await instance()];
    const attempt = (app: FastifyInstance, password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': newClient() }, payload: { username: 'leader-220106', password } });
    for (let i = 0; i < 5; i += 1) expect((await attempt(i % 2 === 0 ? a : b, 'wrong-password')).statusCode).toBe(401);
    for (const app of [a, b]) {
      const locked = await attempt(app, 'demo1234');
      expect(locked.statusCode).toBe(429);
      expect(JSON.parse(locked.body).code).toBe('AUTH_LOCKED');
    }
  });

  it('deletes counters whose window has ended, at most once a minute', async () => {
    let now = Date.parse('2026-03-10T02:00:00Z');
    const Store = databaseRateLimitStore(t.handle.db, () => now);
    const store = new Store({}).child({ routeInfo: { method: 'POST', url: '/prune-test' } });
    const incr = (s: RateLimitStore, key: string) => new Promise<{ current: number; ttl: number }>((resolve, reject) => {
      s.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), 10_000, 5);
    });
    const keys = async () => (await t.handle.db.selectFrom('rate_limit_counters').select('key').where('key', 'like', 'POST /prune-test %').orderBy('key').execute()).map((row) => row.key);
    expect(await incr(store, 'a')).toEqual({ current: 1, ttl: 10_000 });
    now += 4_000;
    expect(await incr(store, 'a')).toEqual({ current: 2, ttl: 6_000 });
    now += 7_000;
    // The window ended: the count starts again, in a new window.
    expect(await incr(store, 'a')).toEqual({ current: 1, ttl: 10_000 });
    expect(await incr(store, 'b')).toEqual({ current: 1, ttl: 10_000 });
    now += 11_000;
    await incr(store, 'c');
    expect(await keys()).toEqual(['POST /prune-test a', 'POST /prune-test b', 'POST /prune-test c']);
    now += PRUNE_EVERY_MS;
    await incr(store, 'd');
    expect(await keys()).toEqual(['POST /prune-test d']);
  });

  it('with CIVICLOOP_REDIS_URL, counts in Redis: shared by instances, none in the database', async () => {
    const [a, b] = [await instance({ CIVICLOOP_REDIS_URL: REDIS_URL }), await instance({ CIVICLOOP_REDIS_URL: REDIS_URL })];
    const client = newClient();
    const statuses = await spread([a, b], client, LIMIT + 2);
    expect(statuses).toEqual([...Array(LIMIT).fill(201), 429, 429]);
    expect((await t.handle.db.selectFrom('rate_limit_counters').select('key').where('key', 'like', `%${client}`).execute()).length).toBe(0);
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`civicloop-rate-limit:*${client}`);
      expect(keys).toHaveLength(1);
      expect(Number(await redis.get(keys[0]!))).toBe(LIMIT + 2);
    } finally {
      await redis.quit();
    }
  });
});
