/**
 * The lifecycle as data an admin edits: names zh/en, required flag, durations, order and nodes, refused
 * (409 PROJECT_LIFECYCLE_EDIT_REFUSED, nothing changed) when it would break an existing project's history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, startTestApp, type TestApp } from '../support/test-app.ts';
import { loginAs, type ApiClient } from '../support/api-client.ts';

interface Node { code: string; name: string; nameEn: string; required: boolean; durationDays: number; provisional?: boolean }
interface Stage { code: string; name: string; nameEn: string; nodes: Node[] }

let t: TestApp;
let admin: ApiClient; let officer: ApiClient;
let projectId: number;

beforeAll(async () => {
  t = await startTestApp({ clock: createTestClock('2026-05-12T02:00:00Z') });
  admin = await loginAs(t.app, 'admin');
  officer = await loginAs(t.app, 'project_officer-220106');
  const created = await officer.post('/api/v1/projects', { name: '生命周期测试项目', type: 'industry', totalInvestment: 800, annualInvestment: 300 });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  projectId = created.body.id;
  for (const code of ['contract_signed', 'company_registered', 'site_selected', 'funds_in_place']) {
    expect((await officer.post(`/api/v1/projects/${projectId}/nodes/${code}`, { actualDate: '2026-03-02' })).status).toBe(200);
  }
  const advanced = await officer.patch(`/api/v1/projects/${projectId}`, { stageCode: 'preliminary_approval', version: created.body.version });
  expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);
}, 300_000);

afterAll(async () => { await t?.close(); });

const lifecycle = async (): Promise<Stage[]> => (await officer.get('/api/v1/projects/lifecycle')).body.stages;
const clone = (stages: Stage[]): Stage[] => structuredClone(stages);

async function refused(stages: Stage[]) {
  const before = await lifecycle();
  const res = await admin.put('/api/v1/projects/lifecycle', { stages });
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  expect(res.body).toMatchObject({ code: 'PROJECT_LIFECYCLE_EDIT_REFUSED', message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.any(String) });
  expect(await lifecycle()).toEqual(before);
  return res.body.details.problems;
}

describe('editing the lifecycle', () => {
  it('renames, reorders and adds nodes, and projects read the new lifecycle', async () => {
    const stages = clone(await lifecycle());
    expect(stages.map((stage) => stage.nodes.length)).toEqual([4, 5, 5, 2, 4]);
    stages[0]!.name = '招商引资落地';
    stages[0]!.nameEn = 'Investment attracted';
    stages[1]!.nodes.reverse();
    stages[1]!.nodes[0]!.durationDays = 25;
    stages[0]!.nodes.push({ code: 'land_survey', name: '用地勘测', nameEn: 'Land survey', required: false, durationDays: 10 });
    const res = await admin.put('/api/v1/projects/lifecycle', { stages });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.stages).toEqual(stages);
    expect(await lifecycle()).toEqual(stages);
    const project = (await officer.get(`/api/v1/projects/${projectId}`)).body;
    expect(project.nodes.map((node: { code: string }) => node.code)).toEqual(stages.flatMap((stage) => stage.nodes.map((node) => node.code)));
    expect(project.nodes.find((node: { code: string }) => node.code === 'land_survey')).toMatchObject({ name: '用地勘测', nameEn: 'Land survey', required: false, plannedDate: null, actualDate: null });
    expect(project.timelineIntact).toBe(true);
  });

  it('refuses edits that would break a project\'s history, changing nothing', async () => {
    const base = await lifecycle();
    const removeDated = clone(base);
    removeDated[0]!.nodes = removeDated[0]!.nodes.filter((node) => node.code !== 'site_selected');
    expect(await refused(removeDated)).toEqual([{ code: 'node_in_use', node: 'site_selected', projects: 1 }]);

    const reordered = clone(base).reverse();
    expect(await refused(reordered)).toEqual([{ code: 'stages_changed', expected: base.map((stage) => stage.code) }]);

    // The project advanced past 招商落地 without 用地勘测: it cannot become required.
    const required = clone(base);
    required[0]!.nodes.find((node) => node.code === 'land_survey')!.required = true;
    expect(await refused(required)).toEqual([{ code: 'required_breaks_history', node: 'land_survey', projects: 1 }]);

    const moved = clone(base);
    const signed = moved[0]!.nodes.find((node) => node.code === 'company_registered')!;
    moved[0]!.nodes = moved[0]!.nodes.filter((node) => node !== signed);
    moved[1]!.nodes.push(signed);
    expect(await refused(moved)).toEqual([{ code: 'node_moved', node: 'company_registered', from: 'investment_landing', to: 'preliminary_approval', projects: 1 }]);

    const keyless = clone(base);
    keyless[2]!.nodes = keyless[2]!.nodes.filter((node) => node.code !== 'statistics_registered');
    expect(await refused(keyless)).toEqual([{ code: 'key_node_removed', node: 'statistics_registered' }]);
  });

  it('removes an undated node from the lifecycle and from every project', async () => {
    const stages = clone(await lifecycle());
    stages[0]!.nodes = stages[0]!.nodes.filter((node) => node.code !== 'land_survey');
    expect((await admin.put('/api/v1/projects/lifecycle', { stages })).status).toBe(200);
    const project = (await officer.get(`/api/v1/projects/${projectId}`)).body;
    expect(project.nodes.map((node: { code: string }) => node.code)).not.toContain('land_survey');
    expect(project.nodes).toHaveLength(20);
  });

  it('lets only an admin edit, and validates the body', async () => {
    const stages = await lifecycle();
    expect((await officer.put('/api/v1/projects/lifecycle', { stages })).status).toBe(403);
    const bad = clone(stages);
    bad[0]!.nodes[0]!.code = 'Bad Code';
    expect((await admin.put('/api/v1/projects/lifecycle', { stages: bad })).body.code).toBe('VALIDATION_FAILED');
    expect((await admin.put('/api/v1/projects/lifecycle', { stages: [] })).body.code).toBe('VALIDATION_FAILED');
  });
});
