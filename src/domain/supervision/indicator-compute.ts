/**
 * Indicators per unit and period (DESIGN §5; definitions in docs/indicators.md). Pure: facts and
 * the window in, counts and rates out. A rate whose denominator is 0 is null, not 0 or 1.
 */
import { isBadRating, isPastDeadline } from '../case/index.ts';
import type { CaseFact, IndicatorWindow, UnitFacts } from './indicator-facts.ts';

export interface IndicatorCounts {
  /** 立案数 */ filed: number;
  /** 结案数 */ closed: number;
  /** 应结未结数 */ dueOpen: number;
  /** 应结案数 = closed + dueOpen */ due: number;
  /** 按期结案数 */ closedOnTime: number;
  /** 应处置数 */ dueToResolve: number;
  /** 按期处置数 */ resolvedOnTime: number;
  /** 返工数 (cases among `due` sent back at least once) */ rework: number;
  /** 超期未结数 */ overdueOpen: number;
  /** 超期结案数 */ closedLate: number;
  /** 超期数 = overdueOpen + closedLate */ overdue: number;
  /** 延期数 (filed cases extended at least once) */ extended: number;
  /** 派遣次数 */ dispatched: number;
  /** 退单次数 */ returned: number;
  /** 评价数 (cases and services) */ rated: number;
  /** 回访数 (rated cases) */ followedUp: number;
  /** 按时响应数 */ respondedInTime: number;
  /** 已解决数 (rated cases without a 差评) */ solved: number;
  veryS: number; satisfied: number; basicallyS: number; dissatisfied: number; veryD: number;
  /** 督办数 */ noticesIssued: number;
  /** 按时回复督办数 */ noticesAnsweredOnTime: number;
  /** 督办升级数 */ noticesEscalated: number;
}

export interface IndicatorRates {
  /** 结案率 */ closeRate: number | null;
  /** 按期结案率 */ onTimeCloseRate: number | null;
  /** 按期处置率 */ onTimeResolveRate: number | null;
  /** 返工率 */ reworkRate: number | null;
  /** 延期率 */ extensionRate: number | null;
  /** 退单率 */ returnRate: number | null;
  /** 响应率 */ responseRate: number | null;
  /** 解决率 */ resolutionRate: number | null;
  /** 满意率 */ satisfactionRate: number | null;
  /** 督办按时回复率 */ noticeResponseRate: number | null;
}

export interface IndicatorValues {
  counts: IndicatorCounts;
  rates: IndicatorRates;
}

const TERMINAL_NOT_COUNTED = new Set(['declined', 'merged']);

const within = (at: Date | null, from: Date, to: Date): boolean => at !== null && at.getTime() >= from.getTime() && at.getTime() < to.getTime();

/** Rates are kept to 6 decimals: exact enough to compare, stable to print. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1e6) / 1e6;
}

function isCounted(fact: CaseFact): boolean {
  return fact.filedAt !== null && !TERMINAL_NOT_COUNTED.has(fact.state);
}

function isClosedIn(fact: CaseFact, w: IndicatorWindow): boolean {
  return isCounted(fact) && within(fact.closedAt, w.start, w.end) && fact.closedAt!.getTime() <= w.asOf.getTime();
}

function resolvedInTime(fact: CaseFact): boolean {
  return fact.resolvedAt !== null && (fact.resolveDeadline === null || fact.resolvedAt.getTime() <= fact.resolveDeadline.getTime());
}

/** Not closed at asOf, not suspended, and its resolve deadline has passed by asOf. */
function isDueOpen(fact: CaseFact, w: IndicatorWindow): boolean {
  if (!isCounted(fact) || fact.state === 'suspended' || fact.resolveDeadline === null) return false;
  const closedBefore = fact.closedAt !== null && fact.closedAt.getTime() <= w.asOf.getTime();
  return !closedBefore && isPastDeadline(fact.resolveDeadline, w.asOf);
}

/** 应处置: the case falls into the period holding min(resolvedAt, deadline), once that instant has come. */
function isDueToResolveIn(fact: CaseFact, w: IndicatorWindow): boolean {
  if (!isCounted(fact) || fact.resolveDeadline === null) return false;
  if (fact.state === 'suspended' && fact.resolvedAt === null) return false;
  const key = fact.resolvedAt !== null && fact.resolvedAt.getTime() < fact.resolveDeadline.getTime() ? fact.resolvedAt : fact.resolveDeadline;
  return within(key, w.start, w.end) && key.getTime() <= w.asOf.getTime();
}

/**
 * Computes every count and rate of one unit for one window.
 * @example computeIndicators(facts, { start, end, asOf }).rates.closeRate // 0.75
 */
export function computeIndicators(facts: UnitFacts, w: IndicatorWindow): IndicatorValues {
  const c: IndicatorCounts = {
    filed: 0, closed: 0, dueOpen: 0, due: 0, closedOnTime: 0, dueToResolve: 0, resolvedOnTime: 0, rework: 0, overdueOpen: 0,
    closedLate: 0, overdue: 0, extended: 0, dispatched: 0, returned: 0, rated: 0, followedUp: 0, respondedInTime: 0, solved: 0,
    veryS: 0, satisfied: 0, basicallyS: 0, dissatisfied: 0, veryD: 0, noticesIssued: 0, noticesAnsweredOnTime: 0, noticesEscalated: 0,
  };
  for (const fact of facts.cases) {
    if (isCounted(fact) && within(fact.filedAt, w.start, w.end) && fact.filedAt!.getTime() <= w.asOf.getTime()) {
      c.filed += 1;
      if (fact.extensionCount > 0) c.extended += 1;
    }
    const closed = isClosedIn(fact, w);
    const dueOpen = !closed && isDueOpen(fact, w);
    if (closed) {
      c.closed += 1;
      if (resolvedInTime(fact)) c.closedOnTime += 1;
      else c.closedLate += 1;
    }
    if (dueOpen) {
      c.dueOpen += 1;
      const resolvedBeforeDeadline = fact.resolvedAt !== null && resolvedInTime(fact);
      if (!resolvedBeforeDeadline) c.overdueOpen += 1;
    }
    if ((closed || dueOpen) && fact.reworkCount > 0) c.rework += 1;
    if (isDueToResolveIn(fact, w)) {
      c.dueToResolve += 1;
      if (resolvedInTime(fact)) c.resolvedOnTime += 1;
    }
  }
  c.due = c.closed + c.dueOpen;
  c.overdue = c.overdueOpen + c.closedLate;
  for (const flow of facts.flows) {
    if (!within(flow.at, w.start, w.end)) continue;
    if (flow.action === 'dispatch') c.dispatched += 1;
    else c.returned += 1;
  }
  for (const rating of facts.ratings) {
    if (!within(rating.at, w.start, w.end)) continue;
    c.rated += 1;
    if (rating.level === 'very_satisfied') c.veryS += 1;
    else if (rating.level === 'satisfied') c.satisfied += 1;
    else if (rating.level === 'basically_satisfied') c.basicallyS += 1;
    else if (rating.level === 'dissatisfied') c.dissatisfied += 1;
    else c.veryD += 1;
    if (rating.source === 'case') {
      c.followedUp += 1;
      if (rating.respondedInTime) c.respondedInTime += 1;
      if (!isBadRating(rating.level)) c.solved += 1;
    }
  }
  for (const notice of facts.notices) {
    if (within(notice.issuedAt, w.start, w.end)) {
      c.noticesIssued += 1;
      if (notice.respondedAt !== null && notice.respondedAt.getTime() <= notice.respondBy.getTime()) c.noticesAnsweredOnTime += 1;
    }
    if (within(notice.escalatedAt, w.start, w.end)) c.noticesEscalated += 1;
  }
  return { counts: c, rates: ratesOf(c) };
}

/**
 * The rates of a set of counts (the same whether the counts came from facts or from rollups).
 * @example ratesOf({ closed: 3, due: 4, … }).closeRate // 0.75
 */
export function ratesOf(c: IndicatorCounts): IndicatorRates {
  return {
    closeRate: ratio(c.closed, c.due),
    onTimeCloseRate: ratio(c.closedOnTime, c.due),
    onTimeResolveRate: ratio(c.resolvedOnTime, c.dueToResolve),
    reworkRate: ratio(c.rework, c.due),
    extensionRate: ratio(c.extended, c.filed),
    returnRate: ratio(c.returned, c.dispatched),
    responseRate: ratio(c.respondedInTime, c.followedUp),
    resolutionRate: ratio(c.solved, c.followedUp),
    satisfactionRate: c.rated === 0 ? null : ratio(c.veryS + c.satisfied + 0.9 * c.basicallyS, c.rated),
    noticeResponseRate: ratio(c.noticesAnsweredOnTime, c.noticesIssued),
  };
}
