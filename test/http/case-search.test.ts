/**
 * Chinese search over cases (issue 14): two-character terms through the bigram index (migration 0018), on both
 * databases; the terms follow every change of the searched columns (trigger), and a term is checked whole, not
 * only by its bigrams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let operator: ApiClient;
const ids = { cover: 0, lamp: 0, mixed: 0, decoy: 0 };
let lampNumber = '';

beforeAll(async () => {
  t = await startTestApp();
  operator = await loginAs(t.app, 'operator-220106');
  ids.cover = (await reportEvent(operator, { categoryCode: 'E0504', description: '人行道上井盖缺失，很危险', address: '春城大街 100 号' })).id;
  const lamp = await reportEvent(operator, { kind: 'component', categoryCode: 'C0107', description: '这一排路灯晚上都不亮' });
  ids.lamp = lamp.id; lampNumber = lamp.number;
  ids.mixed = (await reportEvent(operator, { categoryCode: 'E0602', description: 'KTV 每晚噪音扰民，灯光也晃眼', address: '西安大路 8 号' })).id;
  // Holds every bigram of 井盖 (井口, 盖子 …) without the term: must not match it.
  ids.decoy = (await reportEvent(operator, { categoryCode: 'E0102', description: '井口旁边的盖子上有垃圾' })).id;
}, 300_000);

afterAll(async () => { await t?.close(); });

async function search(q: string): Promise<number[]> {
  const res = await operator.get(`/api/v1/cases?q=${encodeURIComponent(q)}&pageSize=50`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((item: { id: number }) => item.id).sort((a: number, b: number) => a - b);
}

describe('case search', () => {
  it('finds two-character terms in description, title and address', async () => {
    expect(await search('井盖')).toEqual([ids.cover]);
    expect(await search('路灯')).toEqual([ids.lamp]);
    expect(await search('春城')).toEqual([ids.cover]);
    expect(await search('噪音扰民')).toEqual([ids.mixed]);
  });

  it('checks the term whole, not only its bigrams', async () => {
    expect(await search('盖子')).toEqual([ids.decoy]);
    expect(await search('井盖')).not.toContain(ids.decoy);
  });

  it('finds single characters, Latin in any case, and case numbers', async () => {
    expect(await search('灯')).toEqual([ids.lamp, ids.mixed].sort((a, b) => a - b));
    expect(await search('ktv')).toEqual([ids.mixed]);
    expect(await search(lampNumber)).toEqual([ids.lamp]);
  });

  it('finds terms of three characters and more without the bigrams, Latin in any case, in the text or the address', async () => {
    expect(await search('KTV')).toEqual([ids.mixed]);
    expect(await search('kTv 每晚')).toEqual([ids.mixed]);
    expect(await search('西安大路')).toEqual([ids.mixed]);
    expect(await search('井盖缺失')).toEqual([ids.cover]);
    expect(await search('井口盖')).toEqual([]);
  });

  it('follows a change of the searched text', async () => {
    expect(await search('危险')).toEqual([ids.cover]);
    await sql`update cases set description = '路灯杆被撞歪了' where id = ${ids.cover}`.execute(t.handle.db);
    expect(await search('危险')).toEqual([]);
    const terms = await sql<{ terms: string[] }>`select terms from case_search_terms where case_id = ${ids.cover}`.execute(t.handle.db);
    expect(terms.rows[0]!.terms).toContain('撞歪');
    expect(terms.rows[0]!.terms).not.toContain('危险');
    expect(await search('路灯')).toEqual([ids.cover, ids.lamp].sort((a, b) => a - b));
  });

  it('keeps one row of terms per case, made by the database for every case', async () => {
    const rows = await sql<{ n: number }>`select count(*)::int as n from case_search_terms`.execute(t.handle.db);
    const cases = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(t.handle.db);
    expect(rows.rows[0]!.n).toBe(cases.rows[0]!.n);
  });
});
