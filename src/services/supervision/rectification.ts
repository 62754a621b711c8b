/**
 * 差评整改 (DESIGN §4.5): a bad rating opens a `rectification` case for the unit that handled the
 * rated case or service, already dispatched to it, with a deadline of N working days
 * (district setting `rectificationDays`, default 5), in the caller's transaction.
 */
import type { Transaction } from 'kysely';
import { computeDeadline, type WorkingCalendar } from '../../domain/calendar/index.ts';
import { amberInstant, isBadRating, type RatingLevel, caseNumberYear, formatCaseNumber } from '../../domain/case/index.ts';
import { findCase, findCategoryByCode, insertCase, takeNextCaseSequence, appendEvents } from '../../db/repositories/case/index.ts';
import { findDepartmentByCode, findDistrictById } from '../../db/repositories/org/index.ts';
import { parseDistrictSettings, periodOf } from '../../domain/org/index.ts';
import type { CaseRow, Database } from '../../db/schema.ts';
import { type FollowUp, workingHoursOf } from '../case/index.ts';


const LEVEL_ZH: Record<RatingLevel, string> = {
  very_satisfied: '非常满意', satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意', very_dissatisfied: '非常不满意',
};

export interface RectificationInput {
  districtId: number;
  /** R02 for a handled case, R01 for a government service. */
  categoryCode: 'R01' | 'R02';
  departmentId: number | null;
  level: RatingLevel;
  comment: string | null;
  subject: string;
  source?: CaseRow;
  serviceRatingId?: number;
  actorUserId: number | null;
  actorRole: string;
  now: Date;
  /** The outbox row that asked for it, when a follow-up opens it (recorded on its first event). */
  followUpId?: number;
  /** Read before the transaction: PGlite has one connection, so no query may run outside `trx`. */
  calendar: WorkingCalendar;
}

/** Opens the rectification case; returns it. The rectification category must be seeded. */
export async function openRectification(trx: Transaction<Database>, input: RectificationInput): Promise<CaseRow> {
  const { now, source } = input;
  const category = await findCategoryByCode(trx as never, input.categoryCode);
  const district = await findDistrictById(trx as never, input.districtId);
  if (!category || !district) throw new Error(`rectification needs category ${input.categoryCode} and district ${input.districtId}`);
  const days = parseDistrictSettings(district, periodOf(now)).rectificationDays;
  const calendar = input.calendar;
  const hours = workingHoursOf(district, now);
  const departmentId = input.departmentId ?? (await findDepartmentByCode(trx as never, district.id, category.department_code))?.id ?? null;
  const year = caseNumberYear(now);
  const seq = await takeNextCaseSequence(trx, district.id, year, { create: true });
  const levelZh = LEVEL_ZH[input.level];
  const resolveDeadline = computeDeadline(now, { amount: days, unit: 'working_days' }, calendar, hours);
  const row = await insertCase(trx, {
    district_id: district.id,
    number: formatCaseNumber(district.abbr, year, seq),
    kind: 'rectification',
    source: 'inspection',
    category_id: category.id,
    priority: 'normal',
    title: `差评整改：${input.subject}`.slice(0, 100),
    description: `评价：${levelZh}${input.comment ? `；${input.comment}` : ''}。请于${days}个工作日内整改并回访。`,
    state: 'dispatched',
    version: 1,
    lat: source?.lat ?? null,
    lng: source?.lng ?? null,
    address: source?.address ?? null,
    grid_id: source?.grid_id ?? null,
    community_id: source?.community_id ?? null,
    street_id: source?.street_id ?? null,
    department_id: departmentId,
    reporter_user_id: null,
    created_by: input.actorUserId,
    filed_at: now,
    dispatched_at: now,
    sign_deadline: computeDeadline(now, category.sign_limit, calendar, hours),
    resolve_deadline: resolveDeadline,
    amber_at: amberInstant({ start: now, deadline: resolveDeadline, suspendedMs: 0, unit: 'working_days' }, calendar, hours),
    resolve_clock_started_at: now,
    rectification_of_id: source?.id ?? null,
    created_at: now,
    updated_at: now,
  });
  await appendEvents(trx, district.id, [{
    caseId: row.id, districtId: district.id, at: now, actorUserId: input.actorUserId, actorRole: input.actorRole, action: 'open_rectification',
    fromState: null, toState: 'dispatched', note: input.comment,
    data: {
      level: input.level, departmentId, days, sourceCaseId: source?.id ?? null, sourceCaseNumber: source?.number ?? null,
      serviceRatingId: input.serviceRatingId ?? null, ...(input.followUpId !== undefined ? { followUpId: input.followUpId } : {}),
    },
  }]);
  if (source) {
    await appendEvents(trx, district.id, [{
      caseId: source.id, districtId: district.id, at: now, actorUserId: input.actorUserId, actorRole: input.actorRole,
      action: 'rectification_opened', fromState: source.state, toState: source.state, note: null,
      data: { rectificationCaseId: row.id, rectificationCaseNumber: row.number },
    }]);
  }
  return row;
}

interface RectificationPlan {
  caseId: number;
  departmentId: number | null;
  level: RatingLevel;
  comment: string | null;
  subject: string;
  actorUserId: number | null;
  actorRole: string;
  at: string;
}

/** A follow-up (case-follow-ups.ts): a 差评 on a closed case opens its rectification case, for the unit rated. */
export const rectificationOnBadRating: FollowUp<RectificationPlan> = {
  kind: 'rectification_on_bad_rating',
  plan: ({ action, after, actor, now }) =>
    action === 'rate' && after.rating && isBadRating(after.rating)
      ? {
        caseId: after.id, departmentId: after.department_id, level: after.rating, comment: after.rating_comment,
        subject: `${after.number} ${after.title}`, actorUserId: actor.userId, actorRole: actor.role, at: now.toISOString(),
      }
      : null,
  async run({ trx, deps, payload, followUpId }) {
    const source = await findCase(trx, payload.caseId);
    if (!source) return;
    await openRectification(trx, {
      // A 办件's 差评 is a government service's (R01); any other case's is a handled case's (R02).
      districtId: source.district_id, categoryCode: source.kind === 'service_application' ? 'R01' : 'R02', departmentId: payload.departmentId, level: payload.level,
      comment: payload.comment, subject: payload.subject, source, actorUserId: payload.actorUserId, actorRole: payload.actorRole,
      now: new Date(payload.at), calendar: await deps.calendar.get(), followUpId,
    });
  },
};
