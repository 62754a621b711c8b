/** Helpers for scripted case histories in http tests: report, act with the current version, at a Shanghai local time. */
import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';
import type { ApiClient } from './api-client.ts';
import { addUser } from '../../src/services/auth/auth-service.ts';
import { loginAs } from './api-client.ts';

export interface CaseScript {
  at(local: string): void;
  report(code: string, local: string): Promise<number>;
  act(client: ApiClient, id: number, action: string, local: string, body?: Record<string, unknown>): Promise<any>;
  openAndSign(code: string, handler: ApiClient, departmentId: number, day: string, hour?: string): Promise<number>;
}

/** A script for district 220106 run by `op` (an operator client) on the first grid of the district. */
export async function caseScript(t: TestApp, op: ApiClient): Promise<CaseScript> {
  const db = t.services.db;
  const district = await db.selectFrom('districts').select('id').where('code', '=', '220106').executeTakeFirstOrThrow();
  const grid = await db.selectFrom('grids').select('code').where('district_id', '=', district.id).orderBy('code').limit(1).executeTakeFirstOrThrow();
  const at = (local: string) => t.clock.set(`${local}:00+08:00`);
  const script: CaseScript = {
    at,
    async report(code, local) {
      at(local);
      const res = await op.post('/api/v1/cases', { kind: 'citizen_request', categoryCode: code, description: `测试 ${code} ${local}`, gridCode: grid.code });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    },
    async act(client, id, action, local, body = {}) {
      at(local);
      const current = await op.get(`/api/v1/cases/${id}`);
      const res = await client.post(`/api/v1/cases/${id}/actions/${action}`, { version: current.body.version, ...body });
      expect(res.status, `${action} ${id}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body;
    },
    async openAndSign(code, handler, departmentId, day, hour = '09') {
      const id = await script.report(code, `${day}T${hour}:00`);
      await script.act(op, id, 'file', `${day}T${hour}:10`);
      await script.act(op, id, 'dispatch', `${day}T${hour}:20`, { departmentId });
      await script.act(handler, id, 'sign', `${day}T${hour}:30`);
      return id;
    },
  };
  return script;
}

/** Department ids of 220106 by code, and a signed-in handler for a department (created on first use). */
export async function departmentsOf220106(t: TestApp): Promise<{ ids: Record<string, number>; handler(code: string): Promise<ApiClient> }> {
  const db = t.services.db;
  const district = await db.selectFrom('districts').select('id').where('code', '=', '220106').executeTakeFirstOrThrow();
  const ids: Record<string, number> = {};
  for (const row of await db.selectFrom('departments').select(['id', 'code']).where('district_id', '=', district.id).execute()) ids[row.code] = row.id;
  return {
    ids,
    async handler(code) {
      const username = `handler-${code}-220106`;
      const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (!existing) {
        await addUser({ db }, { username, password: 'demo1234', displayName: `${code} 处置员`, role: 'handler', districtId: district.id, departmentId: ids[code]! });
      }
      return loginAs(t.app, username);
    },
  };
}
