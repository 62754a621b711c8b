/**
 * The server's periodic anchoring (ADR 0037): it signs nothing until a key exists (it never makes one itself), then
 * anchors each chain that grew; two loops at once store one anchor per position. Both databases.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs } from '../support/api-client.ts';
import { loadAnchorKey, startAnchorLoop, verifyAnchors } from '../../src/services/case/timeline-anchors.ts';

let t: TestApp;
let dir: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestApp();
  dir = await mkdtemp(join(tmpdir(), 'civicloop-anchor-key-'));
  const operator = await loginAs(t.app, 'operator-220106');
  for (const text of ['路灯不亮', '井盖缺失']) {
    expect((await operator.post('/api/v1/cases', { kind: 'event', categoryCode: 'E0104', description: text, gridCode: '220106001001001' })).status).toBe(201);
  }
  await t.services.afterCommit.drain();
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const anchorRows = () => t.handle.db.selectFrom('timeline_anchors').selectAll().execute();

describe('the server\'s anchor loop', () => {
  it('does nothing without a key, and makes none', async () => {
    const source = { file: join(dir, 'key.pem') };
    const errors: unknown[] = [];
    await startAnchorLoop(t.handle.db, source, () => t.clock.now, HOUR, (e) => errors.push(e)).stop();
    expect(errors).toEqual([]);
    expect(existsSync(source.file)).toBe(false);
    expect(await anchorRows()).toEqual([]);
  });

  it('anchors the chain once a key exists; two loops at once store one anchor', async () => {
    const source = { file: join(dir, 'key.pem') };
    const key = (await loadAnchorKey(source, { create: true }))!;
    const errors: unknown[] = [];
    const loops = [1, 2].map(() => startAnchorLoop(t.handle.db, source, () => t.clock.now, HOUR, (e) => errors.push(e)));
    for (const loop of loops) await loop.stop();
    expect(errors).toEqual([]);
    const head = await t.handle.db.selectFrom('timeline_chain_heads').selectAll().where('last_seq', '>', 0).execute();
    const rows = await anchorRows();
    expect(rows.map((r) => [r.district_id, Number(r.chain_seq), r.hash, r.key_id])).toEqual(head.map((h) => [h.district_id, Number(h.last_seq), h.last_hash, key.keyId]));
    expect(await verifyAnchors(t.handle.db, key, [])).toEqual([]);
  });
});
