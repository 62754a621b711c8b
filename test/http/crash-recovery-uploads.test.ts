/**
 * Killing the server (SIGKILL, a real child process) while clients upload case photos (multipart) loses no
 * acknowledged photo and leaves no half one: after a restart every acknowledged photo downloads with the
 * bytes sent, every photo row has its three stored files, and every 'attach' event names photos that exist
 * (and every photo is named by one). Both databases, each with its default store (PGlite: files in the data
 * directory; PostgreSQL: attachment_blobs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { CLI_TEST_TIMEOUT, startCliHarness, type CliHarness } from '../support/cli-harness.ts';
import { startChildServer } from '../support/child-server.ts';
import { fetchJson, loginOverHttp, prepareCrashDatabase, type CrashDistrict } from '../support/crash-fixture.ts';
import { multipartBody } from '../support/multipart.ts';
import { verifyTimelineChains } from '../../src/db/repositories/case/index.ts';

let cli: CliHarness;
let districts: CrashDistrict[];

beforeAll(async () => {
  cli = await startCliHarness();
  const handle = await cli.openDatabase();
  try {
    districts = await prepareCrashDatabase(handle);
  } finally {
    await handle.close();
  }
}, CLI_TEST_TIMEOUT);

afterAll(async () => { await cli?.close(); });

/** A small JPEG whose bytes no other call returns (its colour and size come from `n`). */
async function distinctPhoto(n: number): Promise<Buffer> {
  return sharp({ create: { width: 160 + (n % 97), height: 120 + (n % 89), channels: 3, background: { r: n % 256, g: (n * 7) % 256, b: (n * 13) % 256 } } })
    .jpeg({ quality: 80 }).toBuffer();
}

async function upload(baseUrl: string, token: string, caseId: number, photos: Buffer[]) {
  const body = multipartBody({ stage: 'report' }, photos.map((data, i) => ({ filename: `p${i}.jpg`, type: 'image/jpeg', data })));
  const response = await fetch(`${baseUrl}/api/v1/cases/${caseId}/attachments`, {
    method: 'POST', headers: { ...body.headers, authorization: `Bearer ${token}` }, body: body.payload,
  });
  return { status: response.status, body: await response.json() as any };
}

async function download(baseUrl: string, token: string, path: string): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Photos per case: each case stays well below the 30-photo limit. */
const UPLOADS_PER_CASE = 8;
const KILL_AFTER_PHOTOS = 40;

describe('a server killed while photos are uploaded', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('serves every acknowledged photo byte for byte and leaves no row without its files and no orphan event', async () => {
    const server = await startChildServer(cli.env);
    const tokens = await Promise.all(districts.map(({ district }) => loginOverHttp(server.url, `operator-${district}`)));
    const acknowledged = new Map<number, Buffer>();
    /** Each case and the index of its district (whose operator may read it). */
    const districtOfCase = new Map<number, number>();
    let killed = false;
    let photoNumber = 0;
    const client = async (k: number) => {
      const token = tokens[k % districts.length]!;
      for (let i = 0; !killed; i += 1) {
        try {
          const created = await fetchJson(`${server.url}/api/v1/cases`, {
            token, body: { kind: 'event', categoryCode: 'E0104', description: `照片压力 ${k}-${i}`, gridCode: districts[k % districts.length]!.grid },
          });
          expect(created.status).toBe(201);
          districtOfCase.set(created.body.id, k % districts.length);
          for (let u = 0; u < UPLOADS_PER_CASE && !killed; u += 1) {
            const photos = await Promise.all(Array.from({ length: 1 + (u % 3) }, () => distinctPhoto((photoNumber += 1))));
            const stored = await upload(server.url, token, created.body.id, photos);
            expect(stored.status, JSON.stringify(stored.body)).toBe(201);
            for (const [n, item] of (stored.body.items as { id: number }[]).entries()) acknowledged.set(item.id, photos[n]!);
            if (!killed && acknowledged.size >= KILL_AFTER_PHOTOS) {
              killed = true;
              server.child.kill('SIGKILL');
            }
          }
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, k) => client(k)));
    expect((await server.exited).signal).toBe('SIGKILL');

    const restarted = await startChildServer(cli.env);
    try {
      const staff = await Promise.all(districts.map(({ district }) => loginOverHttp(restarted.url, `operator-${district}`)));
      const listed: { id: number; caseId: number; urls: Record<'public' | 'thumb' | 'original', string> }[] = [];
      for (const [caseId, district] of districtOfCase) {
        const photos = await fetchJson(`${restarted.url}/api/v1/cases/${caseId}/attachments`, { token: staff[district] });
        expect(photos.status).toBe(200);
        listed.push(...photos.body.items);
      }
      const listedIds = new Set(listed.map((p) => p.id));
      for (const id of acknowledged.keys()) expect(listedIds.has(id), `acknowledged photo ${id}`).toBe(true);
      // Every stored row, acknowledged or not, has all three files; acknowledged originals are the bytes sent.
      for (const photo of listed) {
        for (const variant of ['original', 'public', 'thumb'] as const) {
          const file = await download(restarted.url, staff[districtOfCase.get(photo.caseId)!]!, photo.urls[variant]);
          expect(file.status, `photo ${photo.id} ${variant}`).toBe(200);
          expect(file.bytes.length).toBeGreaterThan(0);
          if (variant === 'original' && acknowledged.has(photo.id)) expect(file.bytes.equals(acknowledged.get(photo.id)!), `photo ${photo.id} bytes`).toBe(true);
        }
      }
    } finally {
      restarted.child.kill('SIGTERM');
    }
    expect((await restarted.exited).code).toBe(0);

    const handle = await cli.openDatabase();
    try {
      const db = handle.db;
      const caseIds = [...districtOfCase.keys()];
      const rows = await db.selectFrom('attachments').select(['id', 'case_id']).where('case_id', 'in', caseIds).execute();
      const events = await db.selectFrom('case_events').select(['case_id', 'data', 'hash']).where('action', '=', 'attach').where('case_id', 'in', caseIds).execute();
      const named = events.flatMap((e) => ((e.data as { attachmentIds: number[] }).attachmentIds).map((id) => ({ id, caseId: e.case_id })));
      expect(named.map((n) => n.id).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id).sort((a, b) => a - b));
      for (const n of named) expect(rows.find((r) => r.id === n.id)?.case_id).toBe(n.caseId);
      expect(events.filter((e) => e.hash === null)).toEqual([]);
      expect(await verifyTimelineChains(db)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
