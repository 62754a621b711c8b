/**
 * The rules on a project's nodes: flags (挂图作战 红旗/黑旗), stage advance, and the order of dates.
 */
import type { LifecycleStage } from './lifecycle.ts';
import { stageIndex } from './lifecycle.ts';
import type { NodeFlag, ProjectNodeState, Ymd } from './project-model.ts';

/**
 * Red when done, black when its planned date has passed (before `today`) and it is not done.
 * @example nodeFlag({ plannedDate: '2026-03-01', actualDate: null }, '2026-03-02') // 'black'
 */
export function nodeFlag(node: Pick<ProjectNodeState, 'plannedDate' | 'actualDate'>, today: Ymd): NodeFlag {
  if (node.actualDate !== null) return 'red';
  if (node.plannedDate !== null && node.plannedDate < today) return 'black';
  return 'none';
}

/** A project's flag on the map: black if any node is black, else red if any node is done. */
export function projectFlag(nodes: readonly ProjectNodeState[], today: Ymd): NodeFlag {
  const flags = nodes.map((node) => nodeFlag(node, today));
  if (flags.includes('black')) return 'black';
  return flags.includes('red') ? 'red' : 'none';
}

/**
 * The required nodes not done in the stages before `targetStage`: a project may enter a stage only when
 * every earlier stage's required nodes are done. Empty means the move is allowed.
 */
export function missingNodesForStage(lifecycle: readonly LifecycleStage[], nodes: readonly ProjectNodeState[], targetStage: string): string[] {
  const target = stageIndex(lifecycle, targetStage);
  const earlier = new Set(lifecycle.slice(0, Math.max(target, 0)).map((stage) => stage.code));
  return nodes.filter((node) => earlier.has(node.stageCode) && node.required && node.actualDate === null).map((node) => node.nodeCode);
}

/** True when every required node of the stage is done by `asOf` (inclusive); a stage with no nodes is never complete. */
export function stageCompleteBy(nodes: readonly ProjectNodeState[], stageCode: string, asOf: Ymd): boolean {
  const required = nodes.filter((node) => node.stageCode === stageCode && node.required);
  return required.length > 0 && required.every((node) => node.actualDate !== null && node.actualDate <= asOf);
}

/** True when the node with this code is done by `asOf`. */
export function nodeDoneBy(nodes: readonly ProjectNodeState[], nodeCode: string, asOf: Ymd): boolean {
  const found = nodes.find((node) => node.nodeCode === nodeCode);
  return found?.actualDate != null && found.actualDate <= asOf;
}

export interface DateOrderProblem {
  nodeCode: string;
  field: 'plannedDate' | 'actualDate';
  /** The earlier-stage node whose date is later. */
  after: string;
}

/**
 * Stages run in order, nodes inside a stage may run in parallel: a node's planned (or actual) date may not
 * fall before the same date of any node of an earlier stage. Lists every problem.
 */
export function dateOrderProblems(lifecycle: readonly LifecycleStage[], nodes: readonly ProjectNodeState[]): DateOrderProblem[] {
  const problems: DateOrderProblem[] = [];
  for (const field of ['plannedDate', 'actualDate'] as const) {
    for (const node of nodes) {
      const value = node[field];
      if (value === null) continue;
      const position = stageIndex(lifecycle, node.stageCode);
      const later = nodes.find((other) => stageIndex(lifecycle, other.stageCode) < position && other[field] !== null && (other[field] as Ymd) > value);
      if (later) problems.push({ nodeCode: node.nodeCode, field, after: later.nodeCode });
    }
  }
  return problems;
}
