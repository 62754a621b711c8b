/** Shortcuts for driving cases through the API in tests. */
import { expect } from 'vitest';
import type { ApiClient } from './api-client.ts';

export const LY = '220106';
/** The first grid of 绿园区 by code: the demo grid worker's grid. */
export const LY_GRID = '220106001001001';

export async function reportEvent(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/cases', {
    kind: 'event', categoryCode: 'E0102', description: '路边有暴露垃圾，影响环境', gridCode: LY_GRID, ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function act(client: ApiClient, caseId: number | string, action: string, body: Record<string, unknown>) {
  return client.post(`/api/v1/cases/${caseId}/actions/${action}`, body);
}

/** Takes an action that must succeed, returning the updated case. */
export async function actOk(client: ApiClient, caseId: number | string, action: string, body: Record<string, unknown>) {
  const res = await act(client, caseId, action, body);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

export async function departmentId(client: ApiClient, districtCode: string, code: string): Promise<number> {
  const res = await client.get(`/api/v1/departments?district=${districtCode}`);
  const department = res.body.items.find((d: { code: string }) => d.code === code);
  if (!department) throw new Error(`no department ${code} in ${districtCode}`);
  return department.id;
}
