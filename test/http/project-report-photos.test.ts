/**
 * Photos on a monthly report (形象进度照片, issue 11 §3): the project officer uploads them to a filed report through
 * the case photos' pipeline (type by bytes, size limit, EXIF-free public copy, thumbnail, the same storage); the
 * project's readers list and fetch them; a non-image, a file over the limit, a patron (who may not file reports)
 * and another district's officer are refused with nothing stored. The clock is fixed in May 2026 (Shanghai).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { multipartBody } from '../support/multipart.ts';
import { PHOTO_MAX_BYTES } from '../../src/services/case/index.ts';

let t: TestApp;
let dataDir: string;
let officer: ApiClient; let leader: ApiClient; let otherOfficer: ApiClient; let citizen: ApiClient;
let jpegWithExif: Buffer;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'civicloop-report-photos-'));
  t = await startTestApp({ clock: createTestClock('2026-05-12T02:00:00Z'), overrides: { CIVICLOOP_DATA_DIR: dataDir } });
  officer = await loginAs(t.app, 'project_officer-220106');
  leader = await loginAs(t.app, 'leader-220106');
  otherOfficer = await loginAs(t.app, 'project_officer-220105');
  citizen = await loginAs(t.app, 'citizen-demo');
  jpegWithExif = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a6' } })
    .jpeg().withExif({ IFD0: { Copyright: 'site-gps-43.88N' } }).toBuffer();
}, 300_000);
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function upload(path: string, files: { filename: string; type: string; data: Buffer }[], token: string | null) {
  const body = multipartBody({}, files);
  const res = await t.app.inject({ method: 'POST', url: path, payload: body.payload, headers: { ...body.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

const fetchFile = (url: string, token: string | null) => t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

/** Stored files wherever the store keeps them (data directory on PGlite, attachment_blobs on PostgreSQL), and the rows. */
async function stored() {
  const files = (await readdir(join(dataDir, 'files'), { recursive: true }).catch(() => [])).filter((f) => String(f).includes('.')).length;
  const blobs = Number((await t.handle.db.selectFrom('attachment_blobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = Number((await t.handle.db.selectFrom('project_report_photos').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { files: files + blobs, rows };
}

async function projectWithReport(name: string) {
  const leaderId = (await leader.get('/api/v1/me')).body.user.id;
  const project = await officer.post('/api/v1/projects', { name, type: 'industry', totalInvestment: 1000, annualInvestment: 600, patronUserId: leaderId });
  expect(project.status, JSON.stringify(project.body)).toBe(201);
  const report = await officer.post(`/api/v1/projects/${project.body.id}/reports`, { month: '2026-04', amount: 120, progressText: '主体结构封顶' });
  expect(report.status, JSON.stringify(report.body)).toBe(201);
  return { projectId: project.body.id as number, reportId: report.body.id as number };
}

describe('photos on a monthly report', () => {
  it('takes the officer’s photos, serves them to the patron without EXIF, and shows them on the report', async () => {
    const { projectId, reportId } = await projectWithReport('长春光电产业园');
    const before = await stored();
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#00f' } }).png().toBuffer();
    const res = await upload(`/api/v1/projects/${projectId}/reports/${reportId}/photos`, [
      { filename: 'site.jpg', type: 'image/jpeg', data: jpegWithExif }, { filename: 'gate.png', type: 'image/png', data: png },
    ], officer.token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toMatchObject({ reportId, projectId, mime: 'image/jpeg', width: 800, height: 600 });
    expect(await stored()).toEqual({ files: before.files + 6, rows: before.rows + 2 });

    const listed = await leader.get(`/api/v1/projects/${projectId}/reports/${reportId}/photos`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { id: number }) => p.id)).toEqual(res.body.items.map((p: { id: number }) => p.id));
    const [photo] = listed.body.items;
    const pub = await fetchFile(photo.urls.public, leader.token);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/jpeg');
    expect(pub.rawPayload.includes('site-gps')).toBe(false);
    expect((await sharp(pub.rawPayload).metadata()).exif).toBeUndefined();
    const thumb = await fetchFile(photo.urls.thumb, leader.token);
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
    expect((await fetchFile(photo.urls.original, officer.token)).rawPayload.equals(jpegWithExif)).toBe(true);

    const detail = await leader.get(`/api/v1/projects/${projectId}`);
    expect(detail.body.reports.find((r: { id: number }) => r.id === reportId).photos.map((p: { id: number }) => p.id))
      .toEqual(res.body.items.map((p: { id: number }) => p.id));
    expect(detail.body.timeline.at(-1)).toMatchObject({ action: 'report_photos', data: { month: '2026-04', reportId } });
    expect(detail.body.timelineIntact).toBe(true);
  });

  it('refuses a non-image, a file over the limit, a patron and another district, storing nothing', async () => {
    const { projectId, reportId } = await projectWithReport('新能源汽车零部件项目');
    const path = `/api/v1/projects/${projectId}/reports/${reportId}/photos`;
    const before = await stored();

    const text = await upload(path, [{ filename: 'notes.jpg', type: 'image/jpeg', data: Buffer.from('not a photo at all') }], officer.token);
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ code: 'ATTACHMENT_TYPE_UNSUPPORTED', message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.any(String) });

    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(PHOTO_MAX_BYTES)]);
    const tooLarge = await upload(path, [{ filename: 'huge.jpg', type: 'image/jpeg', data: big }], officer.token);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.code).toBe('ATTACHMENT_TOO_LARGE');

    // One good and one bad file: all are checked before any is stored.
    const mixed = await upload(path, [
      { filename: 'ok.jpg', type: 'image/jpeg', data: jpegWithExif }, { filename: 'bad.gif', type: 'image/gif', data: Buffer.from('GIF89a....') },
    ], officer.token);
    expect(mixed.body.code).toBe('ATTACHMENT_TYPE_UNSUPPORTED');

    const patron = await upload(path, [{ filename: 'ok.jpg', type: 'image/jpeg', data: jpegWithExif }], leader.token);
    expect(patron.status).toBe(403);
    expect(patron.body.code).toBe('FORBIDDEN');

    const other = await upload(path, [{ filename: 'ok.jpg', type: 'image/jpeg', data: jpegWithExif }], otherOfficer.token);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'PROJECT_OTHER_DISTRICT', message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.any(String) });

    const none = await upload(path, [], officer.token);
    expect(none.body.code).toBe('ATTACHMENT_MISSING');

    const elsewhere = await projectWithReport('冷链物流园');
    const wrongReport = await upload(`/api/v1/projects/${projectId}/reports/${elsewhere.reportId}/photos`, [{ filename: 'ok.jpg', type: 'image/jpeg', data: jpegWithExif }], officer.token);
    expect(wrongReport.status).toBe(404);
    expect(wrongReport.body.code).toBe('PROJECT_REPORT_NOT_FOUND');

    expect(await stored()).toEqual(before);
    expect((await officer.get(path)).body.items).toEqual([]);
  });

  it('shows the photos only to those who may see the project', async () => {
    const { projectId, reportId } = await projectWithReport('农产品加工园');
    const res = await upload(`/api/v1/projects/${projectId}/reports/${reportId}/photos`, [{ filename: 'site.jpg', type: 'image/jpeg', data: jpegWithExif }], officer.token);
    expect(res.status).toBe(201);
    const [photo] = res.body.items;
    expect((await otherOfficer.get(`/api/v1/projects/${projectId}/reports/${reportId}/photos`)).body.code).toBe('PROJECT_OTHER_DISTRICT');
    const otherFile = await fetchFile(photo.urls.thumb, otherOfficer.token);
    expect(otherFile.statusCode).toBe(403);
    expect(JSON.parse(otherFile.body).code).toBe('PROJECT_OTHER_DISTRICT');
    expect((await fetchFile(photo.urls.public, citizen.token)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: photo.urls.public })).statusCode).toBe(401);
  });

  it('holds at most nine photos per report', async () => {
    const { projectId, reportId } = await projectWithReport('智慧物流港');
    const path = `/api/v1/projects/${projectId}/reports/${reportId}/photos`;
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } }).png().toBuffer();
    const three = [1, 2, 3].map((i) => ({ filename: `p${i}.png`, type: 'image/png', data: png }));
    for (let i = 0; i < 3; i += 1) expect((await upload(path, three, officer.token)).status).toBe(201);
    const before = await stored();
    const tenth = await upload(path, three.slice(0, 1), officer.token);
    expect(tenth.status).toBe(413);
    expect(tenth.body).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', details: { maxPerReport: 9 } });
    expect(await stored()).toEqual(before);
    expect((await officer.get(path)).body.items).toHaveLength(9);
  });
});
