import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE, type LifecycleStage } from './lifecycle.ts';
import { lifecycleEditProblems, type NodeUsage } from './lifecycle-edit.ts';

const copy = (): LifecycleStage[] => DEFAULT_LIFECYCLE.map((stage) => ({ ...stage, nodes: stage.nodes.map((node) => ({ ...node })) }));
const use = (nodeCode: string, projectStage: string, total: number, dated: number, done: number): NodeUsage => ({ nodeCode, projectStage, total, dated, done });

describe('editing the lifecycle', () => {
  it('allows renaming, reordering within a stage, new durations, a new node and removing an undated one', () => {
    const next = copy();
    next[0]!.name = '招商引资落地';
    next[0]!.nodes.reverse();
    next[1]!.nodes[0]!.durationDays = 45;
    next[1]!.nodes.push({ code: 'water_permit', name: '取水许可', nameEn: 'Water permit', required: true, durationDays: 20 });
    next[3]!.nodes = next[3]!.nodes.slice(1);
    const usage = [use('contract_signed', 'investment_landing', 3, 2, 2), use(DEFAULT_LIFECYCLE[3]!.nodes[0]!.code, 'investment_landing', 3, 0, 0)];
    expect(lifecycleEditProblems(DEFAULT_LIFECYCLE, next, usage)).toEqual([]);
  });

  it('refuses what would break a project\'s history', () => {
    const next = copy();
    next.reverse();
    const landing = next.find((stage) => stage.code === 'investment_landing')!;
    const approval = next.find((stage) => stage.code === 'preliminary_approval')!;
    const registered = landing.nodes.find((node) => node.code === 'company_registered')!;
    landing.nodes = landing.nodes.filter((node) => !['contract_signed', 'site_selected', 'company_registered'].includes(node.code));
    approval.nodes.push(registered, { ...approval.nodes[1]! }); // company_registered moved to ②, eia_approved twice
    const before = copy();
    before[0]!.nodes[3]!.required = false; // funds_in_place optional so far
    const usage = [
      use('site_selected', 'investment_landing', 4, 1, 1),
      use('company_registered', 'preliminary_approval', 2, 2, 2),
      use('funds_in_place', 'preliminary_approval', 5, 1, 1), use('funds_in_place', 'investment_landing', 2, 0, 0),
    ];
    expect(lifecycleEditProblems(before, next, usage)).toEqual([
      { code: 'stages_changed', expected: DEFAULT_LIFECYCLE.map((stage) => stage.code) },
      { code: 'duplicate_node', node: 'eia_approved' },
      { code: 'key_node_removed', node: 'contract_signed' },
      { code: 'node_moved', node: 'company_registered', from: 'investment_landing', to: 'preliminary_approval', projects: 2 },
      { code: 'node_in_use', node: 'site_selected', projects: 1 },
      { code: 'required_breaks_history', node: 'funds_in_place', projects: 4 },
    ]);
  });
});
