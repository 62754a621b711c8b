/**
 * 周调度: the week's project problems needing coordination (domain/projects/weekly-coordination.ts), as data
 * and as a Word document laid out like the monthly bulletin and written by its writer.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { isoWeek, isoWeekOf, weeklyCoordination, type CoordinationRow } from '../../domain/projects/index.ts';
import { listCoordinationProblems } from '../../db/repositories/projects/index.ts';
import { renderBulletinDocx, type BulletinDocument } from '../supervision/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { projectDistrictFor, shanghaiToday, type ProjectDistrict } from './project-access.ts';

export interface WeeklyCoordination {
  district: ProjectDistrict;
  week: string;
  firstDay: string;
  lastDay: string;
  /** The end of the week, or now while it runs: ages and overdue are read then. */
  asOf: Date;
  items: CoordinationRow[];
}

/**
 * The district's list for an ISO week ('YYYY-Www', default the current week).
 * @throws DomainError VALIDATION_FAILED (a week the year does not have, or one not begun), and those of projectDistrictFor
 */
export async function weeklyCoordinationFor(deps: ServiceDeps, actor: Actor, districtCode: string | undefined, week: string | undefined): Promise<WeeklyCoordination> {
  const district = await projectDistrictFor(deps, actor, districtCode);
  const now = deps.clock();
  const chosen = week ?? isoWeekOf(shanghaiToday(now));
  const range = isoWeek(chosen);
  if (!range) throw new DomainError('VALIDATION_FAILED', [{ path: 'week', code: 'week_unknown' }]);
  if (range.start.getTime() > now.getTime()) throw new DomainError('VALIDATION_FAILED', [{ path: 'week', code: 'week_in_future' }]);
  const asOf = range.end.getTime() < now.getTime() ? range.end : now;
  const items = weeklyCoordination(await listCoordinationProblems(deps.db, district.id, range.start, range.end), range, asOf);
  return { district, week: chosen, firstDay: range.firstDay, lastDay: range.lastDay, asOf, items };
}

const STATE_ZH: Record<string, string> = {
  reported: '已上报', filed: '已立案', dispatched: '已派遣', signed: '处置中', suspended: '已挂起', resolved: '待核查', closed: '已结案',
  declined: '不予受理', merged: '已合并',
};

function shanghaiDate(instant: Date | null): string {
  return instant ? shanghaiToday(instant) : '—';
}

/** The week's list laid out as a document: one table, overdue rows marked. */
export function coordinationDocument(list: WeeklyCoordination): BulletinDocument {
  const count = (test: (row: CoordinationRow) => boolean) => list.items.filter(test).length;
  return {
    title: `${list.district.name}重点项目周调度问题清单（${list.week}）`,
    subtitle: `${list.firstDay} 至 ${list.lastDay}`,
    summary: `本周需协调问题 ${list.items.length} 个，其中超期 ${count((row) => row.overdue)} 个、本周新增 ${count((row) => row.newThisWeek)} 个、本周办结 ${count((row) => row.closedThisWeek)} 个。`,
    tables: [{
      title: '需协调解决的问题',
      headers: ['序号', '项目名称', '包保领导', '问题', '工单号', '责任单位', '提出日期', '已历天数', '办理时限', '状态'],
      rows: list.items.map((row, index) => [
        String(index + 1), row.projectName, row.patron ?? '—', row.title, row.number, row.department ?? '—', shanghaiDate(row.raisedAt),
        String(row.ageDays), shanghaiDate(row.resolveDeadline), `${STATE_ZH[row.state] ?? row.state}${row.overdue ? '（超期）' : ''}`,
      ]),
      emptyText: '本周无需协调的问题。',
    }],
  };
}

export async function weeklyCoordinationDocx(deps: ServiceDeps, actor: Actor, districtCode: string | undefined, week: string | undefined) {
  const list = await weeklyCoordinationFor(deps, actor, districtCode, week);
  const document = coordinationDocument(list);
  return { body: await renderBulletinDocx(document), fileName: `${document.title}.docx` };
}
