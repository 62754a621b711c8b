/**
 * An admin's edit of the lifecycle (stages and nodes, names zh/en, required flag, duration, order) checked
 * against the projects that live by it. Refused when it would break a project's history:
 * - the stages are fixed: the same codes in the same order (their names may change) — stage order drives the
 *   date-order and stage-advance rules every project's dates were checked by;
 * - a node code appears once; the key nodes the rates read (KEY_NODES) stay;
 * - a node some project has a date on may not be removed, nor moved to another stage;
 * - a node may become required only when no project already past its stage lacks it (those projects advanced
 *   without it).
 * Nodes may be renamed, reordered within their stage, given new durations, added, and removed while undated.
 */
import { KEY_NODES, type LifecycleStage } from './lifecycle.ts';

/** How the projects use one node, per project stage: how many have a date on it, and how many have it done. */
export interface NodeUsage {
  nodeCode: string;
  projectStage: string;
  total: number;
  dated: number;
  done: number;
}

export type LifecycleEditProblem =
  | { code: 'stages_changed'; expected: string[] }
  | { code: 'duplicate_node'; node: string }
  | { code: 'key_node_removed'; node: string }
  | { code: 'node_in_use'; node: string; projects: number }
  | { code: 'node_moved'; node: string; from: string; to: string; projects: number }
  | { code: 'required_breaks_history'; node: string; projects: number };

/**
 * Every reason the edit would break a project's history; empty when it may be saved.
 * @example lifecycleEditProblems(DEFAULT_LIFECYCLE, DEFAULT_LIFECYCLE, []) // []
 */
export function lifecycleEditProblems(current: readonly LifecycleStage[], next: readonly LifecycleStage[], usage: readonly NodeUsage[]): LifecycleEditProblem[] {
  const problems: LifecycleEditProblem[] = [];
  const stageCodes = current.map((stage) => stage.code);
  if (next.map((stage) => stage.code).join('\n') !== stageCodes.join('\n')) problems.push({ code: 'stages_changed', expected: stageCodes });
  const stageIndex = new Map(stageCodes.map((code, index) => [code, index]));
  const stageOf = (stages: readonly LifecycleStage[]) => new Map(stages.flatMap((stage) => stage.nodes.map((node) => [node.code, stage.code] as const)));
  const [before, after] = [stageOf(current), stageOf(next)];
  const seen = new Set<string>();
  for (const node of next.flatMap((stage) => stage.nodes)) {
    if (seen.has(node.code)) problems.push({ code: 'duplicate_node', node: node.code });
    seen.add(node.code);
  }
  const uses = (code: string) => usage.filter((row) => row.nodeCode === code);
  const sum = (rows: readonly NodeUsage[], key: 'total' | 'dated' | 'done') => rows.reduce((total, row) => total + row[key], 0);
  for (const code of Object.values(KEY_NODES)) if (!after.has(code)) problems.push({ code: 'key_node_removed', node: code });
  for (const [code, from] of before) {
    const to = after.get(code);
    const dated = sum(uses(code), 'dated');
    if (to === undefined && dated > 0) problems.push({ code: 'node_in_use', node: code, projects: dated });
    if (to !== undefined && to !== from && dated > 0) problems.push({ code: 'node_moved', node: code, from, to, projects: dated });
  }
  const wasRequired = new Set(current.flatMap((stage) => stage.nodes.filter((node) => node.required).map((node) => node.code)));
  for (const stage of next) {
    const index = stageIndex.get(stage.code) ?? -1;
    for (const node of stage.nodes.filter((item) => item.required && !wasRequired.has(item.code))) {
      const past = uses(node.code).filter((row) => (stageIndex.get(row.projectStage) ?? -1) > index);
      const lacking = sum(past, 'total') - sum(past, 'done');
      if (lacking > 0) problems.push({ code: 'required_breaks_history', node: node.code, projects: lacking });
    }
  }
  return problems;
}
