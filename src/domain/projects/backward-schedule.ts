/**
 * 倒排工期 (backward schedule): planned dates computed back from a target date. We count natural days,
 * not working days: project schedules (作战图) are kept in calendar days and construction does not stop
 * for weekends.
 */
import { formatDayNumber, parseYmd } from '../calendar/index.ts';
import type { LifecycleStage } from './lifecycle.ts';
import type { Ymd } from './project-model.ts';

/**
 * Plans the nodes that are not done so that the last of them finishes on `targetDate`: walking back
 * through the lifecycle, each node finishes `durationDays` of the following node before that node does.
 * Done nodes keep their dates and are left out.
 * @example backwardSchedule(lifecycle, '2026-12-31', new Set()) // { design_capacity: '2026-12-31', production_started: '2026-07-04', … }
 */
export function backwardSchedule(lifecycle: readonly LifecycleStage[], targetDate: Ymd, done: ReadonlySet<string>): Record<string, Ymd> {
  const open = lifecycle.flatMap((stage) => stage.nodes).filter((node) => !done.has(node.code));
  const planned: Record<string, Ymd> = {};
  let day = parseYmd(targetDate);
  for (let index = open.length - 1; index >= 0; index -= 1) {
    const node = open[index]!;
    planned[node.code] = formatDayNumber(day);
    day -= node.durationDays;
  }
  return planned;
}
