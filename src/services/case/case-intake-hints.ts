/**
 * 来电登记 (the operator's intake of a hotline call), before anything is saved: the caller's earlier and
 * open cases by phone number ("this caller already reported this"), and the likely duplicates of what
 * is being registered — open cases of the same category in the same grid within the duplicate window,
 * and the caller's own open cases of that category wherever they are. The operator then merges the new
 * call into one of them, or lets the caller follow it (case-follow.ts), instead of opening a second case.
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { listScopeFor } from '../../domain/case/case-access.ts';
import { CASE_STATES, OPEN_STATES, type Actor } from '../../domain/case/case-model.ts';
import { listCases, type CaseListFilter } from '../../db/repositories/case/case-repository.ts';
import { findCategoryByCode } from '../../db/repositories/case/category-repository.ts';
import { findGridPlacement } from '../../db/repositories/org/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { DUPLICATE_WINDOW_DAYS } from './case-duplicates.ts';
import { withCalendarMark, type CaseRowWithCalendar } from './case-queries.ts';

export interface IntakeHintsQuery {
  phone?: string | undefined;
  categoryCode?: string | undefined;
  gridCode?: string | undefined;
}

export interface IntakeHints {
  /** The caller's open cases, the most urgent first (all of them up to 20). */
  callerOpen: CaseRowWithCalendar[];
  /** The caller's finished cases (closed, declined, merged), newest first, up to 10. */
  callerEarlier: CaseRowWithCalendar[];
  callerTotal: number;
  /** Open cases that are likely the same problem, newest first; `sameCaller` when this caller reported it. */
  duplicates: Array<{ row: CaseRowWithCalendar; sameCaller: boolean; sameGrid: boolean }>;
}

const FINISHED_STATES = CASE_STATES.filter((state) => !OPEN_STATES.includes(state));

/**
 * What the operator should see before saving a call.
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN (not a command-centre role), CASE_CATEGORY_UNKNOWN, GRID_UNKNOWN
 */
export async function findIntakeHints(deps: ServiceDeps, actor: Actor, query: IntakeHintsQuery): Promise<IntakeHints> {
  const scope = listScopeFor(actor);
  if (scope.kind === 'none') throw new DomainError('AUTH_REQUIRED');
  if (!permits(actor, 'case.intake_hints')) throw new DomainError('FORBIDDEN');
  const category = query.categoryCode === undefined ? undefined : await findCategoryByCode(deps.db, query.categoryCode);
  if (query.categoryCode !== undefined && !category) throw new DomainError('CASE_CATEGORY_UNKNOWN', { categoryCode: query.categoryCode });
  const grid = query.gridCode === undefined ? undefined : await findGridPlacement(deps.db, query.gridCode);
  if (query.gridCode !== undefined && !grid) throw new DomainError('GRID_UNKNOWN', { gridCode: query.gridCode });

  const calendar = await deps.calendar.get();
  const list = async (filter: Omit<CaseListFilter, 'page'>) => {
    const page = await listCases(deps.db, { page: 1, ...filter }, scope);
    return { items: page.items.map((row) => withCalendarMark(row, calendar)), total: page.total };
  };
  const empty = { items: [], total: 0 };
  const phone = query.phone;
  const [open, earlier] = phone === undefined
    ? [empty, empty]
    : await Promise.all([
      list({ reporterPhone: phone, state: [...OPEN_STATES], sort: 'urgency', pageSize: 20 }),
      list({ reporterPhone: phone, state: FINISHED_STATES, sort: 'newest', pageSize: 10 }),
    ]);

  const duplicates: IntakeHints['duplicates'] = [];
  if (category) {
    const since = new Date(deps.clock().getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
    const inGrid = grid
      ? (await list({ categoryId: category.id, gridIds: [grid.gridId], state: [...OPEN_STATES], createdFrom: since, sort: 'newest', pageSize: 20 })).items
      : [];
    const ofCaller = open.items.filter((row) => row.category_id === category.id);
    const seen = new Set<number>();
    for (const row of [...ofCaller, ...inGrid]) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      duplicates.push({ row, sameCaller: phone !== undefined && row.reporter_phone === phone, sameGrid: grid !== undefined && row.grid_id === grid.gridId });
    }
  }
  return { callerOpen: open.items, callerEarlier: earlier.items, callerTotal: open.total + earlier.total, duplicates };
}
