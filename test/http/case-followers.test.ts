import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { apiClient, loginAs, type ApiClient } from '../support/api-client.ts';
import { LY, actOk, reportEvent } from '../support/case-helpers.ts';

let t: TestApp;
let operator: ApiClient;
let citizen: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  [operator, citizen] = await Promise.all([loginAs(t.app, `operator-${LY}`), loginAs(t.app, 'citizen-demo')]);
});
afterAll(async () => { await t?.close(); });

describe('reporters of a merged case follow the kept one', () => {
  it('lets a signed-in and an anonymous reporter read the kept case after a merge', async () => {
    const kept = await reportEvent(apiClient(t.app), { kind: 'citizen_request', categoryCode: 'H06', description: '路灯不亮（第一位市民）' });
    const signedInDuplicate = await reportEvent(citizen, { kind: 'citizen_request', categoryCode: 'H06', description: '路灯坏了' });
    const anonymous = apiClient(t.app);
    const anonymousDuplicate = await reportEvent(anonymous, { kind: 'citizen_request', categoryCode: 'H06', description: '这里路灯不亮' });

    // before the merge the kept case is not theirs to read
    expect((await citizen.get(`/api/v1/cases/${kept.id}`)).status).toBe(404);

    await actOk(operator, signedInDuplicate.id, 'merge', { version: 1, intoCaseId: kept.id });
    await actOk(operator, anonymousDuplicate.id, 'merge', { version: 1, intoCaseId: kept.id });

    const seen = await citizen.get(`/api/v1/cases/${kept.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.reporter).toBeNull(); // another reporter's contact details stay hidden
    expect(seen.body.allowedActions).toEqual([]);
    const listed = await citizen.get('/api/v1/cases');
    expect(listed.body.items.map((c: { id: number }) => c.id)).toEqual(expect.arrayContaining([kept.id, signedInDuplicate.id]));

    const tracked = await anonymous.get(`/api/v1/cases/${kept.number}?trackingCode=${anonymousDuplicate.trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.state).toBe('reported');
    const wrongCode = await anonymous.get(`/api/v1/cases/${kept.number}?trackingCode=ABCDEF012345`);
    expect(wrongCode.status).toBe(401);

    const timeline = (await operator.get(`/api/v1/cases/${kept.id}`)).body.timeline;
    expect(timeline.filter((e: { action: string }) => e.action === 'merge_in')).toHaveLength(2);
  });
});
