/**
 * Live desks (issue 17): GET /api/v1/events/stream tells each signed-in user, as server-sent events, the
 * case changes they may see — right after the write that made them, without polling.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, actOk, departmentId, reportEvent } from '../support/case-helpers.ts';
import { openEventStream, type OpenStream } from '../support/event-stream.ts';

let t: TestApp;
let baseUrl: string;
let operator: ApiClient;
let handler: ApiClient;
let otherOperator: ApiClient;
let gridWorker: ApiClient;
const streams: OpenStream[] = [];

async function streamOf(client: ApiClient): Promise<OpenStream> {
  const stream = await openEventStream(`${baseUrl}/api/v1/events/stream`, { authorization: `Bearer ${client.token}` });
  streams.push(stream);
  await stream.next('ready');
  return stream;
}

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  [operator, handler, otherOperator, gridWorker] = await Promise.all([
    loginAs(t.app, `operator-${LY}`), loginAs(t.app, `handler-${LY}`), loginAs(t.app, 'operator-220105'), loginAs(t.app, `grid_worker-${LY}`),
  ]);
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await t?.close();
});

describe('GET /api/v1/events/stream', () => {
  it('refuses a visitor who is not signed in, with a code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/events/stream' });
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('tells the operator of the district a new case, with its priority, as soon as it is reported', async () => {
    const desk = await streamOf(operator);
    expect(desk.contentType).toMatch(/^text\/event-stream/);
    const reported = await reportEvent(gridWorker, { description: '青年路有井盖缺失，十分危险', priority: 'urgent' });
    const heard = await desk.next('case');
    expect(heard.data).toMatchObject({ caseId: reported.id, number: reported.number, action: 'report', state: 'reported', priority: 'urgent' });
    expect(heard.data.category).toBeTruthy();
  });

  it('tells a department only its own cases, from the dispatch on; another district hears nothing of them', async () => {
    const departmentDesk = await streamOf(handler);
    const otherDistrictDesk = await streamOf(otherOperator);
    const operatorDesk = await streamOf(operator);
    const cgj = await departmentId(operator, LY, 'cgj');
    const reported = await reportEvent(gridWorker, { description: '人行道护栏倒伏' });
    expect((await operatorDesk.next('case')).data).toMatchObject({ caseId: reported.id, action: 'report' });
    const filed = await actOk(operator, reported.id, 'file', { version: reported.version });
    expect((await operatorDesk.next('case')).data).toMatchObject({ caseId: reported.id, action: 'file' });
    await actOk(operator, reported.id, 'dispatch', { version: filed.version, departmentId: cgj });
    // the department's first word is the dispatch: the report and the filing were not its business
    expect((await departmentDesk.next('case')).data).toMatchObject({ caseId: reported.id, action: 'dispatch', state: 'dispatched' });
    expect((await operatorDesk.next('case')).data).toMatchObject({ caseId: reported.id, action: 'dispatch' });
    // the other district's desk: its first word is a case of its own district, filed after all of the above
    const own = await reportEvent(otherOperator, { description: '朝阳区路灯不亮', gridCode: await firstGridOf('220105') });
    expect((await otherDistrictDesk.next('case')).data).toMatchObject({ caseId: own.id, action: 'report' });
  });

  it('forgets a desk that closed its stream', async () => {
    const before = t.services.caseLive!.listeners();
    const desk = await streamOf(operator);
    expect(t.services.caseLive!.listeners()).toBe(before + 1);
    desk.close();
    await expect.poll(() => t.services.caseLive!.listeners()).toBe(before);
  });
});

async function firstGridOf(districtCode: string): Promise<string> {
  const tree = await otherOperator.get(`/api/v1/org/tree?district=${districtCode}`);
  return tree.body.districts[0].streets[0].communities[0].grids[0].code;
}
