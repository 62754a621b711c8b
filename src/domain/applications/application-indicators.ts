/**
 * 政务服务 indicators per department and per window for one month (issue 13 item 5; formulas in
 * docs/applications.md): 办件量, 即办率, 按承诺时限办结率, 法定超期数, 补正率, 一次办结率, 好评率,
 * 差评整改率 and 实名差评回访率, scored and ranked like cases.
 *
 * Every figure is read from the applications' timeline events (append-only, hash-chained) that happened
 * before asOf = min(month end, now), never from the rows as they are now: an application concluded,
 * rated, revoked or rectified after the month ends cannot change the month. That is what freezes a
 * past month, the same promise the case indicators keep with their rollups.
 */
import { isBadRating, type RatingLevel } from '../case/index.ts';
import { gradeOf, rankUnits, type Grade, type RankedUnit } from '../supervision/index.ts';

/** One timeline event of an application, or of the rectification case its 差评 opened. */
export interface ApplicationEventFact {
  at: Date;
  action: string;
  actorUserId: number | null;
  toState: string;
  data: Record<string, unknown>;
}

/** An application's history as the indicators need it, events in the order they happened. */
export interface ApplicationHistory {
  caseId: number;
  events: ApplicationEventFact[];
  /** The events of the rectification case its 差评 opened, if any. */
  rectificationEvents: ApplicationEventFact[];
}

export const APPLICATION_UNIT_LEVELS = ['department', 'window'] as const;
export type ApplicationUnitLevel = (typeof APPLICATION_UNIT_LEVELS)[number];

export interface ApplicationCounts {
  /** 办件量: applications received (接件) in the month */ received: number;
  /** of those, with a 补正 notice before asOf */ supplemented: number;
  /** 办结数: conclusions (办结) in the month */ concluded: number;
  /** of those, decided on the spot at the window (即办) */ onTheSpot: number;
  /** of those, by the promised deadline in force when concluded */ concludedOnPromisedTime: number;
  /** of those, without any 补正 notice (一次办结) */ concludedFirstTime: number;
  /** conclusions in the month after the legal deadline */ concludedPastLegal: number;
  /** open and running (not paused) at asOf past the legal deadline */ openPastLegal: number;
  /** 法定超期数 = concludedPastLegal + openPastLegal */ legalOverdue: number;
  /** ratings of applications in the month (the applicant's or the default) */ rated: number;
  /** of those, 非常满意 / 满意 / 基本满意 */ goodRatings: number;
  /** of those, 不满意 / 非常不满意 (差评; the applicant is registered by name and phone, so each is 实名) */ badRatings: number;
  /** 差评 whose rectification case is closed at asOf */ badRectified: number;
  /** 差评 whose rectification case has had its callback (回访: the rectification rated) before asOf */ badCalledBack: number;
}

export interface ApplicationRates {
  /** 即办率 */ onTheSpotRate: number | null;
  /** 按承诺时限办结率 */ promisedOnTimeRate: number | null;
  /** 补正率 */ supplementRate: number | null;
  /** 一次办结率 */ firstTimeRate: number | null;
  /** 好评率 */ goodRatingRate: number | null;
  /** 差评整改率 */ rectificationRate: number | null;
  /** 实名差评回访率 */ callbackRate: number | null;
}
export type ApplicationRateKey = keyof ApplicationRates;

/** The score's weights (综合指标值 of 政务服务, 0–100); rates without data drop out and the rest are rescaled. */
export const APPLICATION_WEIGHTS: Readonly<Partial<Record<ApplicationRateKey, number>>> = Object.freeze({
  promisedOnTimeRate: 40, goodRatingRate: 30, firstTimeRate: 20, rectificationRate: 10,
});

const OPEN_RUNNING = new Set(['received', 'accepted', 'processing']);

export function emptyApplicationCounts(): ApplicationCounts {
  return {
    received: 0, supplemented: 0, concluded: 0, onTheSpot: 0, concludedOnPromisedTime: 0, concludedFirstTime: 0, concludedPastLegal: 0,
    openPastLegal: 0, legalOverdue: 0, rated: 0, goodRatings: 0, badRatings: 0, badRectified: 0, badCalledBack: 0,
  };
}

function instantOf(value: unknown): number | null {
  return typeof value === 'string' ? new Date(value).getTime() : null;
}

/** The unit an application is credited to: its department (from 接件) or its window clerk (who received it). */
export function applicationUnitOf(history: ApplicationHistory, level: ApplicationUnitLevel): number | null {
  const receive = history.events.find((event) => event.action === 'receive');
  if (!receive) return null;
  if (level === 'window') return receive.actorUserId;
  return typeof receive.data.departmentId === 'number' ? receive.data.departmentId : null;
}

/**
 * Adds one application's contribution to a month to `counts`; only events before asOf count.
 * @example addApplication(emptyApplicationCounts(), history, { start, end }, asOf).received // 1
 */
export function addApplication(counts: ApplicationCounts, history: ApplicationHistory, period: { start: Date; end: Date }, asOf: Date): ApplicationCounts {
  const start = period.start.getTime();
  const until = Math.min(period.end.getTime(), asOf.getTime());
  const inMonth = (event: ApplicationEventFact) => event.at.getTime() >= start && event.at.getTime() < until;
  const known = history.events.filter((event) => event.at.getTime() < until);
  let status = 'received';
  let legalDeadline: number | null = null;
  let supplementSeen = false;
  for (const event of known) {
    if (typeof event.data.status === 'string') status = event.data.status;
    legalDeadline = instantOf(event.data.legalDeadline) ?? legalDeadline;
    if (event.action === 'request_supplement') supplementSeen = true;
    if (!inMonth(event)) continue;
    if (event.action === 'receive') {
      counts.received += 1;
      if (known.some((later) => later.action === 'request_supplement')) counts.supplemented += 1;
    }
    if (event.action === 'conclude') {
      counts.concluded += 1;
      if (event.data.onTheSpot === true) counts.onTheSpot += 1;
      const promised = instantOf(event.data.promisedDeadline);
      if (promised !== null && event.at.getTime() <= promised) counts.concludedOnPromisedTime += 1;
      if (!supplementSeen) counts.concludedFirstTime += 1;
      if (legalDeadline !== null && event.at.getTime() > legalDeadline) counts.concludedPastLegal += 1;
    }
    if (event.action === 'rate' && typeof event.data.level === 'string') {
      counts.rated += 1;
      if (isBadRating(event.data.level as RatingLevel)) {
        counts.badRatings += 1;
        const rectification = history.rectificationEvents.filter((later) => later.at.getTime() < until);
        if (rectification.at(-1)?.toState === 'closed') counts.badRectified += 1;
        if (rectification.some((later) => later.action === 'rate')) counts.badCalledBack += 1;
      } else counts.goodRatings += 1;
    }
  }
  // 法定超期 carries over: an application running past its legal deadline counts in every month it stays so.
  if (known.length > 0 && OPEN_RUNNING.has(status) && legalDeadline !== null && legalDeadline < until) counts.openPastLegal += 1;
  counts.legalOverdue = counts.concludedPastLegal + counts.openPastLegal;
  return counts;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1e6) / 1e6);

/** @example applicationRatesOf({ ...emptyApplicationCounts(), concluded: 4, onTheSpot: 1 }).onTheSpotRate // 0.25 */
export function applicationRatesOf(c: ApplicationCounts): ApplicationRates {
  return {
    onTheSpotRate: ratio(c.onTheSpot, c.concluded),
    promisedOnTimeRate: ratio(c.concludedOnPromisedTime, c.concluded),
    supplementRate: ratio(c.supplemented, c.received),
    firstTimeRate: ratio(c.concludedFirstTime, c.concluded),
    goodRatingRate: ratio(c.goodRatings, c.rated),
    rectificationRate: ratio(c.badRectified, c.badRatings),
    callbackRate: ratio(c.badCalledBack, c.badRatings),
  };
}

/**
 * 综合指标值 of 政务服务: Σ wᵢ·rᵢ / Σ wᵢ × 100 over the weighted rates that have data, 2 decimals.
 * @example applicationScore({ onTheSpotRate: null, promisedOnTimeRate: 1, supplementRate: null, firstTimeRate: 0.5, goodRatingRate: null, rectificationRate: null, callbackRate: null }) // 83.33
 */
export function applicationScore(rates: ApplicationRates, weights = APPLICATION_WEIGHTS): number | null {
  let sum = 0;
  let weightSum = 0;
  for (const [key, weight] of Object.entries(weights) as [ApplicationRateKey, number][]) {
    const rate = rates[key];
    if (rate === null || !(weight > 0)) continue;
    sum += weight * rate;
    weightSum += weight;
  }
  return weightSum === 0 ? null : Math.round((sum / weightSum) * 100 * 100) / 100;
}

export interface ApplicationUnitIndicators {
  unitId: number;
  counts: ApplicationCounts;
  rates: ApplicationRates;
  score: number | null;
  grade: Grade | null;
}

export interface ApplicationIndicatorTable {
  units: ApplicationUnitIndicators[];
  total: Omit<ApplicationUnitIndicators, 'unitId'>;
  /** Units ranked by score (only units that concluded or received something in the month). */
  ranking: RankedUnit[];
}

function indicatorsOf(counts: ApplicationCounts) {
  const rates = applicationRatesOf(counts);
  const score = applicationScore(rates);
  return { counts, rates, score, grade: gradeOf(score) };
}

/**
 * The month's indicators of every unit of a level, the district's total, and the ranking (ties share
 * a place, 争先进位计分 as for cases).
 */
export function computeApplicationIndicators(
  histories: readonly ApplicationHistory[], level: ApplicationUnitLevel, period: { start: Date; end: Date }, asOf: Date,
): ApplicationIndicatorTable {
  const byUnit = new Map<number, ApplicationCounts>();
  const total = emptyApplicationCounts();
  for (const history of histories) {
    addApplication(total, history, period, asOf);
    const unitId = applicationUnitOf(history, level);
    if (unitId === null) continue;
    byUnit.set(unitId, addApplication(byUnit.get(unitId) ?? emptyApplicationCounts(), history, period, asOf));
  }
  const units = [...byUnit.entries()]
    .filter(([, counts]) => Object.values(counts).some((value) => value > 0))
    .map(([unitId, counts]) => ({ unitId, ...indicatorsOf(counts) }))
    .sort((a, b) => a.unitId - b.unitId);
  const ranking = rankUnits(units.map((unit) => ({ unitId: unit.unitId, score: unit.score, due: unit.counts.received + unit.counts.concluded + unit.counts.rated })));
  return { units, total: indicatorsOf(total), ranking };
}
