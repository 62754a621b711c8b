/**
 * Realistic bulk data for benchmarks (`civicloop generate --cases N`): cases spread over years on
 * the demo org (one grid worker per grid, one handler per department), a real category mix, every
 * state, timelines and ratings. Each case is decided by the production rules (bulk-lifecycle.ts)
 * and written through the documented bulk path (bulk-repository.ts): same columns, numbering
 * (LY-2026-000123), and hash-chained timeline rows computed with timeline-repository's hashEvent.
 * Deterministic for a seed and end time. Run it while no server writes to the database.
 */
import type { Kysely } from 'kysely';
import type { CaseRow, CategoryRow, Database } from '../../src/db/schema.ts';
import type { Actor, CaseKind } from '../../src/domain/case/case-model.ts';
import type { WorkingHours } from '../../src/domain/calendar/working-calendar.ts';
import { caseNumberYear, formatCaseNumber, yearOfCaseNumber } from '../../src/domain/case/case-number.ts';
import { genesisHash, hashEvent, type NewCaseEvent } from '../../src/db/repositories/case/timeline-repository.ts';
import { advanceCaseNumberSequence, loadCaseNumberPositions } from '../../src/db/repositories/case/case-number-repository.ts';
import {
  analyzeCaseTables, bulkAddToRollups, bulkInsertCases, bulkInsertEvents, deferSecondaryIndexes, loadChainHeads, nextBulkIds,
  largeLoadSettings, restoreDeferredIndexes, saveChainHeads, syncIdSequences,
} from './bulk-repository.ts';
import { groupDeltas, type RollupDelta } from '../../src/domain/supervision/rollup-deltas.ts';
import { shanghaiDay } from '../../src/db/repositories/supervision/rollup-repository.ts';
import type { RollupRow } from './bulk-repository.ts';
import { createCalendarCache } from '../../src/services/calendar/calendar-cache.ts';
import { dispatchDeadlineOf, liveCase, pushEvent, startLife, type LifeContext } from './bulk-lifecycle.ts';
import type { RecordedEvent } from '../../src/domain/supervision/event-record.ts';
import { createRandom, type Random } from '../../src/services/seed/seeded-random.ts';
import { ensureBulkUsers, loadBulkOrg, type BulkDistrict, type BulkGrid, type BulkOrg } from './bulk-org.ts';

export interface GenerateOptions {
  cases: number;
  /** Years of history ending at `end`; default max(2, ceil(cases / 1M)) so yearly numbers stay within 6 digits. */
  years?: number;
  end?: Date;
  seed?: number;
  batchSize?: number;
  /**
   * Build the case tables' secondary indexes after the load instead of row by row (default: from
   * 200k cases on). Needs the database to itself, as the whole generator does.
   */
  deferIndexes?: boolean;
  onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateProgress {
  cases: number;
  total: number;
  events: number;
  elapsedMs: number;
}

export interface GenerateReport extends GenerateProgress {
  years: number;
  from: string;
  to: string;
  byState: Record<string, number>;
}

/** Cases per kind, as a share of intake (DESIGN: patrol events and components, citizen requests by phone/web). */
const KIND_SHARE: [CaseKind, number][] = [['event', 0.45], ['component', 0.2], ['citizen_request', 0.35]];
const DESCRIPTIONS = [
  '群众反映此处问题已持续数日，影响通行和环境，请尽快处理。', '巡查发现，现场照片已留存，需相关部门到场处置。',
  '市民来电反映，希望尽快解决并回复处理结果。', '夜间巡查发现，存在安全隐患，请及时处置。',
  '居民多次反映，问题反复出现，请彻底解决。', '网格员上报，现场已设置警示标志，等待处置。',
];
const STREET_NAMES = ['青年路', '西安大路', '南湖大路', '东盛大街', '远达大街', '凯旋路', '长新街', '普阳街', '春城大街', '团山街', '正阳街', '皓月大路'];
const HOUR_MS = 3_600_000;
const YEAR_MS = 365 * 24 * HOUR_MS;

function pickWeighted<T>(random: Random, items: [T, number][]): T {
  let roll = random.next() * items.reduce((sum, [, w]) => sum + w, 0);
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll <= 0) return item;
  }
  return items[items.length - 1]![0];
}

/** Reports cluster in the day: a night-time draw is redrawn once with probability 0.7. */
function reportTime(random: Random, from: number, span: number): number {
  let t = from + random.next() * span;
  const hour = new Date(t + 8 * HOUR_MS).getUTCHours();
  if ((hour < 7 || hour >= 21) && random.next() < 0.7) t = from + random.next() * span;
  return t;
}

interface BatchState {
  org: BulkOrg;
  random: Random;
  counters: Map<string, number>;
  heads: Map<number, { lastHash: string; lastEventId: number | null; lastSeq: number }>;
  nextCaseId: number;
  nextEventId: number;
  end: Date;
  mergeTargets: Map<number, number[]>;
  byState: Record<string, number>;
}

function newCase(state: BatchState, id: number, created: Date, district: BulkDistrict, grid: BulkGrid, category: CategoryRow, reporter: Actor): CaseRow {
  const { random, org } = state;
  const year = caseNumberYear(created);
  const key = `${district.id}:${year}`;
  const seq = (state.counters.get(key) ?? 0) + 1;
  state.counters.set(key, seq);
  const address = `${random.pick(STREET_NAMES)}${1 + Math.floor(random.next() * 300)}号附近`;
  const source = reporter.role === 'grid_worker' ? 'patrol' : reporter.role === 'operator' ? 'hotline' : 'web';
  const located = random.next() < 0.5 && grid.bbox;
  const person = reporter.role !== 'grid_worker';
  return {
    id, district_id: district.id, number: formatCaseNumber(district.abbr, year, seq), kind: category.kind, source,
    category_id: category.id, priority: category.urgent ? 'urgent' : 'normal',
    title: `${category.minor_name} · ${address}`.slice(0, 100), description: random.pick(DESCRIPTIONS), state: 'reported', version: 1,
    lat: located ? grid.bbox![1] + random.next() * (grid.bbox![3] - grid.bbox![1]) : null,
    lng: located ? grid.bbox![0] + random.next() * (grid.bbox![2] - grid.bbox![0]) : null,
    address, grid_id: grid.id, community_id: grid.communityId, street_id: grid.streetId,
    department_id: org.routeDepartment(category, district.id, grid), reporter_user_id: reporter.userId,
    reporter_name: person ? '市民' : null, reporter_phone: person ? `138${String(Math.floor(random.next() * 1e8)).padStart(8, '0')}` : null,
    tracking_code_hash: null, created_by: reporter.userId, pending_request: null,
    dispatch_deadline: dispatchDeadlineOf(created, category, org.calendar, district.hours),
    sign_deadline: null, resolve_deadline: null, resolve_clock_started_at: null, amber_at: null, resolve_suspended_ms: 0, suspended_at: null, verified_at: null, filed_at: null,
    dispatched_at: null, signed_at: null, resolved_at: null, closed_at: null, merged_into_id: null, rating: null, rating_comment: null,
    rated_at: null, rework_count: 0, return_count: 0, extension_count: 0, supervision_count: 0, warning_level: 'none', api_key_id: null,
    rectification_of_id: null, reported_at: null, created_at: created, updated_at: created,
  };
}

interface BatchEvent {
  event: NewCaseEvent;
  recorded: RecordedEvent;
}

function buildBatch(state: BatchState, count: number, from: number, span: number): { cases: CaseRow[]; events: BatchEvent[] } {
  const { random, org } = state;
  const times = Array.from({ length: count }, () => reportTime(random, from, span)).sort((a, b) => a - b);
  const cases: CaseRow[] = [];
  const events: (BatchEvent & { order: number })[] = [];
  for (const t of times) {
    const created = new Date(Math.floor(t / 1000) * 1000);
    const district = pickWeighted(random, org.districtWeights);
    const grid = random.pick(district.grids);
    const kind = pickWeighted(random, KIND_SHARE);
    const category = random.pick(org.categoriesByKind.get(kind) ?? org.categoriesByKind.get('event')!);
    const reporter = kind === 'citizen_request' ? (random.next() < 0.5 ? org.citizen : district.operator) : (org.gridWorkers.get(grid.id) ?? district.operator);
    const row = newCase(state, state.nextCaseId++, created, district, grid, category, reporter);
    const life = startLife(row);
    pushEvent(life, {
      caseId: row.id, districtId: district.id, at: created, actorUserId: reporter.userId, actorRole: reporter.role, action: 'report',
      fromState: null, toState: 'reported', note: null, data: { source: row.source, categoryCode: category.code, routedDepartmentId: row.department_id },
    });
    const targets = state.mergeTargets.get(district.id) ?? [];
    state.mergeTargets.set(district.id, targets);
    const ctx: LifeContext = {
      random, calendar: org.calendar, hours: district.hours as WorkingHours, category, end: state.end, reopenWindowDays: 30,
      operator: district.operator, shiftLead: district.shiftLead, handlerFor: (departmentId) => org.handlerFor(district, departmentId),
      mergeTargets: targets,
    };
    liveCase(life, reporter, ctx);
    cases.push(row);
    state.byState[row.state] = (state.byState[row.state] ?? 0) + 1;
    life.events.forEach((event, i) => events.push({ event, recorded: life.records[i]!, order: events.length }));
  }
  events.sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.order - b.order);
  return { cases, events: events.map(({ event, recorded }) => ({ event, recorded })) };
}

/** Gives events their ids and extends each district's hash chain, in id order (linked as written: no linker runs). */
function chainEvents(state: BatchState, events: BatchEvent[]): Record<string, unknown>[] {
  return events.map(({ event, recorded: { units, facts, deltas } }) => {
    const head = state.heads.get(event.districtId) ?? { lastHash: genesisHash(event.districtId), lastEventId: null, lastSeq: 0 };
    const id = state.nextEventId++;
    const hash = hashEvent(head.lastHash, event);
    const row = {
      id, case_id: event.caseId, district_id: event.districtId, at: event.at, actor_user_id: event.actorUserId, actor_role: event.actorRole,
      action: event.action, from_state: event.fromState, to_state: event.toState, note: event.note, data: event.data,
      prev_hash: head.lastHash, hash, chain_seq: head.lastSeq + 1,
      street_id: units.street, community_id: units.community, grid_id: units.grid, department_id: units.department, person_id: units.person,
      on_time: facts.onTime, reworked: facts.reworked, responded_in_time: facts.respondedInTime, rating: facts.rating,
      rollup_deltas: deltas.length > 0 ? deltas : null,
    };
    state.heads.set(event.districtId, { lastHash: hash, lastEventId: id, lastSeq: head.lastSeq + 1 });
    return row;
  });
}

/**
 * The rollup counters of a batch's events, summed per district, Shanghai day, level and unit: what the
 * linker would add for them (the generator writes its events already linked, so no linker runs).
 */
function rollupRowsOf(events: BatchEvent[]): RollupRow[] {
  const byDistrictDay = new Map<string, { districtId: number; day: string; deltas: RollupDelta[] }>();
  for (const { event, recorded } of events) {
    if (recorded.deltas.length === 0) continue;
    const day = shanghaiDay(event.at);
    const key = `${event.districtId}:${day}`;
    let entry = byDistrictDay.get(key);
    if (!entry) byDistrictDay.set(key, (entry = { districtId: event.districtId, day, deltas: [] }));
    entry.deltas.push(...recorded.deltas);
  }
  return [...byDistrictDay.values()].flatMap(({ districtId, day, deltas }) =>
    groupDeltas(deltas).map((row) => ({ district_id: districtId, level: row.level, unit_id: row.unitId, day, ...row.counters })));
}

/** Everything one batch writes, computed up front so the next batch can be built while it is written. */
interface BatchWrite {
  cases: CaseRow[];
  eventRows: Record<string, unknown>[];
  rollups: RollupRow[];
  sequences: { districtId: number; year: number; lastSeq: number }[];
  heads: { districtId: number; lastHash: string; lastEventId: number | null; lastSeq: number }[];
}

function planBatchWrite(state: BatchState, count: number, from: number, span: number): BatchWrite {
  const { cases, events } = buildBatch(state, count, from, span);
  const eventRows = chainEvents(state, events);
  const touchedYears = new Set(cases.map((row) => `${row.district_id}:${yearOfCaseNumber(row.number)}`));
  const sequences = [...touchedYears].map((key) => {
    const [districtId, year] = key.split(':').map(Number) as [number, number];
    return { districtId, year, lastSeq: state.counters.get(key)! };
  });
  const heads = [...state.heads].map(([districtId, head]) => ({ districtId, ...head }));
  return { cases, eventRows, rollups: rollupRowsOf(events), sequences, heads };
}

async function writeBatch(db: Kysely<Database>, batch: BatchWrite, largeLoad: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (largeLoad) await largeLoadSettings(trx);
    await bulkInsertCases(trx, batch.cases as unknown as Record<string, unknown>[]);
    for (let i = 0; i < batch.eventRows.length; i += 5000) await bulkInsertEvents(trx, batch.eventRows.slice(i, i + 5000));
    for (const { districtId, year, lastSeq } of batch.sequences) await advanceCaseNumberSequence(trx, districtId, year, lastSeq);
    await bulkAddToRollups(trx, batch.rollups);
    await saveChainHeads(trx, batch.heads);
    await syncIdSequences(trx);
  });
}

/**
 * Generates `options.cases` cases with their timelines. The demo org, categories and calendar must exist.
 * @returns what was written
 */
export async function bulkGenerateCases(db: Kysely<Database>, options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const end = options.end ?? new Date();
  const years = options.years ?? Math.max(2, Math.ceil(options.cases / 1_000_000));
  const batchSize = options.batchSize ?? 2000;
  const calendar = await createCalendarCache(db).get();
  await ensureBulkUsers(db);
  const org = await loadBulkOrg(db, calendar);
  const ids = await nextBulkIds(db);
  const state: BatchState = {
    org, random: createRandom(options.seed ?? 20_261_123), counters: await loadCaseNumberPositions(db), heads: await loadChainHeads(db),
    nextCaseId: ids.caseId, nextEventId: ids.eventId, end, mergeTargets: new Map(), byState: {},
  };
  const fromMs = end.getTime() - years * YEAR_MS;
  const batches = Math.max(1, Math.ceil(options.cases / batchSize));
  const span = (end.getTime() - fromMs) / batches;
  const firstCaseId = state.nextCaseId;
  const deferIndexes = options.deferIndexes ?? options.cases >= 200_000;
  if (deferIndexes) await deferSecondaryIndexes(db);
  let done = 0;
  let eventCount = 0;
  // One batch is written while the next is built: the database and the generator work at the same time.
  let writing: Promise<void> = Promise.resolve();
  for (let b = 0; b < batches; b += 1) {
    const count = Math.min(batchSize, options.cases - done);
    const batch = planBatchWrite(state, count, fromMs + b * span, span);
    await writing;
    writing = writeBatch(db, batch, deferIndexes);
    done += count;
    eventCount += batch.eventRows.length;
    const progress = { cases: done, total: options.cases, events: eventCount };
    void writing.then(() => options.onProgress?.({ ...progress, elapsedMs: performance.now() - started }), () => undefined);
  }
  await writing;
  if (deferIndexes) await restoreDeferredIndexes(db, firstCaseId);
  await analyzeCaseTables(db);
  return {
    cases: done, total: options.cases, events: eventCount, elapsedMs: performance.now() - started, years,
    from: new Date(fromMs).toISOString(), to: end.toISOString(), byState: state.byState,
  };
}
