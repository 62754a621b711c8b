/**
 * The facts indicators are computed from, one row per case, per timeline event, per rating and
 * per supervision notice, each already assigned to a unit by the repository. Pure data.
 */
import type { RatingLevel } from '../case/index.ts';

/** What one case contributes (from the cases table). */
export interface CaseFact {
  caseId: number;
  state: string;
  filedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  resolveDeadline: Date | null;
  reworkCount: number;
  extensionCount: number;
}

/** A dispatch or a return on the timeline (退单率 = returns / dispatches). */
export interface FlowEventFact {
  action: 'dispatch' | 'return';
  at: Date;
}

/** A rating of a case (source 'case') or of a government service (source 'service'); upheld appeals are left out by the repository. */
export interface RatingFact {
  source: 'case' | 'service';
  level: RatingLevel;
  at: Date;
  /** Case ratings: the unit signed for the case within the sign limit (响应). */
  respondedInTime: boolean;
}

/** A 督办 supervision notice addressed to the unit. */
export interface NoticeFact {
  issuedAt: Date;
  respondBy: Date;
  respondedAt: Date | null;
  escalatedAt: Date | null;
}

export interface UnitFacts {
  cases: CaseFact[];
  flows: FlowEventFact[];
  ratings: RatingFact[];
  notices: NoticeFact[];
}

/** The evaluation window: [start, end) and the instant the data is read at (min(end, now)). */
export interface IndicatorWindow {
  start: Date;
  end: Date;
  asOf: Date;
}

export function emptyFacts(): UnitFacts {
  return { cases: [], flows: [], ratings: [], notices: [] };
}
