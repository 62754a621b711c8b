/** Cases: numbering, insert, the versioned update, lookups and the scoped list. */
import { CompiledQuery, sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely';
import type { CaseRow, CaseUpdate, Database, NewCase } from '../../schema.ts';
import type { CaseKind, CaseListSort, CasePriority, CaseSource, CaseState } from '../../../domain/case/case-model.ts';
import { isOverdueSql } from './case-warning-sql.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertCase(db: Db, values: NewCase): Promise<CaseRow> {
  return db.insertInto('cases').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findCase(db: Db, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCaseByNumber(db: Db, number: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('number', '=', number).executeTakeFirst();
}

/** Reads a case and locks its row until the transaction ends. */
export async function lockCase(db: Db, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Writes changes only if the case still has the version the caller saw, bumping it.
 * @returns the new row, or undefined when the version moved on
 */
export async function updateCaseIfVersion(db: Db, id: number, expectedVersion: number, changes: CaseUpdate): Promise<CaseRow | undefined> {
  return db
    .updateTable('cases')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export interface CaseListFilter {
  districtIds?: number[];
  state?: CaseState[];
  kind?: CaseKind;
  streetId?: number;
  departmentId?: number;
  categoryId?: number;
  /** Only cases placed in these grids (a grid worker's 我的网格). */
  gridIds?: number[];
  overdueAt?: Date;
  text?: string;
  source?: CaseSource[];
  priority?: CasePriority;
  /** Reported at or after / before (a half-open range). */
  createdFrom?: Date;
  createdBefore?: Date;
  /** Only cases reported from this phone number (来电登记's caller lookup; index of migration 0034). */
  reporterPhone?: string;
  /** The order; newest first unless told (the only order with keyset pages). */
  sort?: CaseSort;
  page: number;
  pageSize: number;
  /** Keyset position: the list continues after this case (newest first); `page` is then ignored. */
  after?: CaseListPosition;
  /** Counted exactly up to here; EXACT_COUNT_CAP unless a test needs the estimate on a small table. */
  countCap?: number;
}

/** The list's order (domain/case CASE_LIST_SORTS). */
export type CaseSort = CaseListSort;

/** Where a page ended, in the list's order (created_at desc, id desc). */
export interface CaseListPosition {
  createdAt: Date;
  id: number;
}

/** Up to this many rows are counted exactly; beyond it the planner's estimate is answered (docs/performance.md). */
export const EXACT_COUNT_CAP = 10_000;

/** What the caller may see; applied on top of the filter. */
export type CaseListScope =
  | { kind: 'all' }
  | { kind: 'district'; districtId: number }
  | { kind: 'department'; departmentId: number }
  | { kind: 'grid'; gridId: number; userId: number }
  | { kind: 'reporter'; userId: number };

export interface CaseListPage {
  items: CaseListRow[];
  /** Where the next page starts, null on the last page. */
  next: CaseListPosition | null;
  total: number;
  totalIsEstimate: boolean;
}

/** The cases a list or its count starts from; filters and the scope apply to this table alone. */
function listedCases(db: Db) {
  return db.selectFrom('cases as k');
}

type ListedCases = ReturnType<typeof listedCases>;

/** What a page shows beside each case, from the joins of `withNames` (and of the intake statement). */
export const CASE_VIEW_NAMES = [
  'c.code as category_code', 'c.minor_name as category_name', 'c.minor_name_en as category_name_en',
  'g.code as grid_code', 'dep.name as department_name', 'dep.name_en as department_name_en', 's.name as street_name',
] as const;

/** The names a page shows beside each case (not needed to count them: every case has a category). */
function withNames(query: ListedCases) {
  return query
    .innerJoin('categories as c', 'c.id', 'k.category_id')
    .leftJoin('grids as g', 'g.id', 'k.grid_id')
    .leftJoin('departments as dep', 'dep.id', 'k.department_id')
    .leftJoin('streets as s', 's.id', 'k.street_id');
}

/** Only the cases the caller may list. */
function withinScope(query: ListedCases, scope: CaseListScope): ListedCases {
  switch (scope.kind) {
    case 'all':
      return query;
    case 'district':
      return query.where('k.district_id', '=', scope.districtId);
    case 'department':
      return query.where('k.department_id', '=', scope.departmentId).where('k.state', 'not in', ['reported', 'filed', 'declined', 'merged']);
    case 'grid':
      return query.where((eb) => eb.or([eb('k.grid_id', '=', scope.gridId), eb('k.reporter_user_id', '=', scope.userId)]));
    case 'reporter':
      // their own reports, and the cases their duplicates were merged into
      return query.where((eb) => eb.or([
        eb('k.reporter_user_id', '=', scope.userId),
        eb.exists(eb.selectFrom('case_followers as f').select('f.id').whereRef('f.case_id', '=', 'k.id').where('f.user_id', '=', scope.userId)),
      ]));
  }
}

/** pg_trgm indexes terms of three characters and more (migration 0001); shorter ones need the bigrams of 0018. */
const TRIGRAM_MIN_LENGTH = 3;

/**
 * A search term in the number, the title with the description, or the address. The term itself is checked
 * with LIKE when it has no letter with case (Chinese, digits: ILIKE would give the same rows, at about ten
 * times the cost of folding every candidate's text), else with ILIKE.
 */
function matchingText(text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const operator = text.toLowerCase() === text && text.toUpperCase() === text ? 'like' : 'ilike';
  return (eb: ExpressionBuilder<Database & { k: Database['cases'] }, 'k'>) => {
    const inText = eb.or([eb(sql`k.title || ' ' || k.description`, operator, pattern), eb('k.address', operator, pattern)]);
    // A term of three characters and more: the trigram indexes find the candidates, and the term's bigrams add
    // nothing (a text holding the term holds its bigrams). Shorter: the bigram index finds them (migration
    // 0018), and the like then checks the term itself, since holding all bigrams of a term does not mean holding it.
    const candidates = [...text].length >= TRIGRAM_MIN_LENGTH
      ? inText
      : eb.and([
        eb.exists(eb.selectFrom('case_search_terms as st').select('st.case_id').whereRef('st.case_id', '=', 'k.id')
          .where(sql<SqlBool>`st.terms @> civicloop_bigrams(${text})`)),
        inText,
      ]);
    return eb.or([eb('k.number', '=', text), candidates]);
  };
}

/** The filters the caller chose. */
function matchingFilter(query: ListedCases, filter: CaseListFilter): ListedCases {
  if (filter.districtIds?.length) query = query.where('k.district_id', 'in', filter.districtIds);
  if (filter.state?.length) query = query.where('k.state', 'in', filter.state);
  if (filter.kind) query = query.where('k.kind', '=', filter.kind);
  if (filter.streetId !== undefined) query = query.where('k.street_id', '=', filter.streetId);
  if (filter.departmentId !== undefined) query = query.where('k.department_id', '=', filter.departmentId);
  if (filter.categoryId !== undefined) query = query.where('k.category_id', '=', filter.categoryId);
  if (filter.source?.length) query = query.where('k.source', 'in', filter.source);
  if (filter.priority) query = query.where('k.priority', '=', filter.priority);
  if (filter.createdFrom) query = query.where('k.created_at', '>=', filter.createdFrom);
  if (filter.createdBefore) query = query.where('k.created_at', '<', filter.createdBefore);
  if (filter.reporterPhone !== undefined) query = query.where('k.reporter_phone', '=', filter.reporterPhone);
  if (filter.gridIds) query = query.where('k.grid_id', 'in', filter.gridIds.length ? filter.gridIds : [-1]);
  if (filter.overdueAt) {
    // The state list only narrows the scan; the rule itself is isOverdueSql.
    query = query.where('k.state', 'in', ['dispatched', 'signed', 'suspended']).where(isOverdueSql('k', filter.overdueAt));
  }
  if (filter.text) query = query.where(matchingText(filter.text));
  return query;
}

/** The running deadline: of the step the case waits for now (dispatch, sign, resolve). */
const RUNNING_DEADLINE = sql`case k.state when 'reported' then k.dispatch_deadline when 'filed' then k.dispatch_deadline
  when 'dispatched' then k.sign_deadline when 'signed' then k.resolve_deadline when 'suspended' then k.resolve_deadline end`;

/** The ORDER BY of each sort; every order ends on the id, so pages never overlap or skip on ties. */
const ORDER_BY: Record<CaseSort, RawBuilder<unknown>> = {
  newest: sql`k.created_at desc, k.id desc`,
  oldest: sql`k.created_at asc, k.id asc`,
  urgency: sql`${RUNNING_DEADLINE} asc nulls last, k.priority = 'urgent' desc, k.created_at asc, k.id asc`,
  number: sql`k.number asc, k.id asc`,
  '-number': sql`k.number desc, k.id desc`,
  priority: sql`k.priority = 'urgent' desc, k.created_at desc, k.id desc`,
  category: sql`c.code asc, k.created_at desc, k.id desc`,
  state: sql`k.state asc, k.created_at desc, k.id desc`,
};

/** One page of the caller's cases, newest first, with the total (exact up to the cap, else estimated). */
export async function listCases(db: Db, filter: CaseListFilter, scope: CaseListScope): Promise<CaseListPage> {
  const base = matchingFilter(withinScope(listedCases(db), scope), filter);
  let page = withNames(base)
    .selectAll('k')
    .select(CASE_VIEW_NAMES)
    .limit(filter.pageSize + 1);
  page = page.orderBy(ORDER_BY[filter.sort ?? 'newest']);
  const keyset = (filter.sort ?? 'newest') === 'newest';
  page = filter.after && keyset
    ? page.where(sql<SqlBool>`(k.created_at, k.id) < (${filter.after.createdAt}, ${filter.after.id})`)
    : page.offset((filter.page - 1) * filter.pageSize);
  const rows = await page.execute();
  const items = rows.slice(0, filter.pageSize);
  const last = items.at(-1);
  const next = keyset && rows.length > filter.pageSize && last ? { createdAt: last.created_at, id: last.id } : null;
  return { items, next, ...(await countCapped(db, base.select(sql<number>`1`.as('one')), filter.countCap ?? EXACT_COUNT_CAP)) };
}

/**
 * The exact total up to `cap` (reading at most that many index entries), else the planner's
 * row estimate of the same query, marked as an estimate: an exact count of a district's 380k cases
 * costs more than the page itself (docs/performance.md, Case list).
 */
async function countCapped<DB, TB extends keyof DB>(
  db: Db, rows: SelectQueryBuilder<DB, TB, { one: number }>, cap: number,
): Promise<{ total: number; totalIsEstimate: boolean }> {
  const capped = await db.selectFrom(rows.limit(cap + 1).as('t')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const exact = Number(capped.n);
  if (exact <= cap) return { total: exact, totalIsEstimate: false };
  const compiled = rows.compile();
  const explained = await db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]));
  const raw = explained.rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return { total: Math.max(cap + 1, Math.round(plan[0]?.Plan['Plan Rows'] ?? 0)), totalIsEstimate: true };
}

export type CaseListRow = CaseRow & {
  category_code: string;
  category_name: string;
  category_name_en: string;
  grid_code: string | null;
  department_name: string | null;
  department_name_en: string | null;
  street_name: string | null;
};

/** The stored row of a case view: the view without the joined names (for writes that return both). */
export function rowOfView(view: CaseListRow): CaseRow {
  const { category_code: _code, category_name: _name, category_name_en: _nameEn, grid_code: _grid,
    department_name: _department, department_name_en: _departmentEn, street_name: _street, ...row } = view;
  return row;
}

/** One case with the same joined names as the list. */
export async function findCaseView(db: Db, id: number): Promise<CaseListRow | undefined> {
  return withNames(listedCases(db))
    .selectAll('k')
    .select(CASE_VIEW_NAMES)
    .where('k.id', '=', id)
    .executeTakeFirst();
}

/** A case's current state, for events that leave the state as it is (notices). */
export async function findCaseState(db: Db, id: number): Promise<CaseRow['state'] | undefined> {
  return (await db.selectFrom('cases').select('state').where('id', '=', id).executeTakeFirst())?.state;
}
