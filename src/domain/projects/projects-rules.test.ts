import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE, KEY_NODES } from './lifecycle.ts';
import { dateOrderProblems, missingNodesForStage, nodeFlag, projectFlag } from './node-rules.ts';
import { backwardSchedule } from './backward-schedule.ts';
import { registrationEligibility } from './statistical-registration.ts';
import type { ProjectNodeState } from './project-model.ts';

/** All template nodes, none planned or done, with `done` overriding actual dates. */
function nodesWith(done: Record<string, string> = {}, planned: Record<string, string> = {}): ProjectNodeState[] {
  return DEFAULT_LIFECYCLE.flatMap((stage) => stage.nodes.map((node) => ({
    nodeCode: node.code, stageCode: stage.code, required: node.required,
    plannedDate: planned[node.code] ?? null, actualDate: done[node.code] ?? null,
  })));
}

describe('the lifecycle', () => {
  it('has the five Jilin stages and twenty nodes, fourteen of them published', () => {
    expect(DEFAULT_LIFECYCLE.map((stage) => stage.name)).toEqual(['招商落地', '前期审批', '开工入统', '竣工验收', '投产达效']);
    const nodes = DEFAULT_LIFECYCLE.flatMap((stage) => stage.nodes);
    expect(nodes).toHaveLength(20);
    expect(nodes.filter((node) => !node.provisional)).toHaveLength(14);
  });
});

describe('flags', () => {
  it('raises a red flag when done and a black flag only after the planned day has passed', () => {
    expect(nodeFlag({ plannedDate: '2026-03-01', actualDate: '2026-03-05' }, '2026-04-01')).toBe('red');
    expect(nodeFlag({ plannedDate: '2026-03-01', actualDate: null }, '2026-03-01')).toBe('none');
    expect(nodeFlag({ plannedDate: '2026-03-01', actualDate: null }, '2026-03-02')).toBe('black');
    expect(nodeFlag({ plannedDate: null, actualDate: null }, '2026-03-02')).toBe('none');
  });

  it('shows a project black when any node is overdue', () => {
    const nodes = nodesWith({ [KEY_NODES.signed]: '2026-01-10' }, { company_registered: '2026-02-01' });
    expect(projectFlag(nodes, '2026-01-20')).toBe('red');
    expect(projectFlag(nodes, '2026-02-02')).toBe('black');
  });
});

describe('stage advance', () => {
  it('names the required nodes of earlier stages that are not done', () => {
    const nodes = nodesWith({ contract_signed: '2026-01-10', company_registered: '2026-01-20', site_selected: '2026-02-01' });
    expect(missingNodesForStage(DEFAULT_LIFECYCLE, nodes, 'preliminary_approval')).toEqual(['funds_in_place']);
    expect(missingNodesForStage(DEFAULT_LIFECYCLE, nodes, 'investment_landing')).toEqual([]);
  });
});

describe('date order', () => {
  it('lets nodes of one stage run in parallel but not a later stage start before an earlier one', () => {
    const parallel = nodesWith({ contract_signed: '2026-02-01', company_registered: '2026-01-20' });
    expect(dateOrderProblems(DEFAULT_LIFECYCLE, parallel)).toEqual([]);
    const reversed = nodesWith({ contract_signed: '2026-02-01', project_approved: '2026-01-15' });
    expect(dateOrderProblems(DEFAULT_LIFECYCLE, reversed)).toEqual([{ nodeCode: 'project_approved', field: 'actualDate', after: 'contract_signed' }]);
  });
});

describe('backward schedule', () => {
  it('counts natural days back from the target through the open nodes', () => {
    // design_capacity on the target; production_started 180 days earlier; trial_production 30 before that.
    const plan = backwardSchedule(DEFAULT_LIFECYCLE, '2026-12-31', new Set());
    expect(plan.design_capacity).toBe('2026-12-31');
    expect(plan.production_started).toBe('2026-07-04');
    expect(plan.trial_production).toBe('2026-06-04');
    expect(plan.contract_signed).toBeDefined();
  });

  it('leaves done nodes out', () => {
    const plan = backwardSchedule(DEFAULT_LIFECYCLE, '2026-12-31', new Set(['contract_signed']));
    expect(plan.contract_signed).toBeUndefined();
  });
});

describe('statistical registration', () => {
  it('needs 500万元 planned and construction started', () => {
    const started = nodesWith({ construction_started: '2026-04-10' });
    expect(registrationEligibility(500, started, '2026-04-30')).toMatchObject({ eligible: true, unmet: [] });
    expect(registrationEligibility(499, started, '2026-04-30').unmet).toEqual(['investment_below_threshold']);
    expect(registrationEligibility(9500, started, '2026-03-31').unmet).toEqual(['construction_not_started']);
    expect(registrationEligibility(9500, started, '2026-04-30').evidence.map((item) => item.code)).toContain('construction_contract');
  });
});
