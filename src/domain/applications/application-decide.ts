/**
 * What an allowed action does to an application: its next status, its two clocks and deadlines, the
 * 补正 notice, the outcome and the national status code of the event. Pure: time, calendar, hours and
 * the item are passed in.
 */
import { DomainError } from '../errors.ts';
import type { WorkingCalendar, WorkingHours } from '../calendar/index.ts';
import type { ApplicationAction, ApplicationStatus, ConclusionOutcome } from './application-model.ts';
import { nationalStatusCode } from './application-model.ts';
import type { ApplicationRule } from './application-transitions.ts';
import {
  amberOf, deadlineOf, isSupplementNoticeOnTime, pauseClock, resumeClock, type ApplicationClock,
} from './application-clocks.ts';
import { missingMaterials, type ServiceItem } from './service-item.ts';

/** What the rules need to know about a stored application. */
export interface ApplicationSnapshot {
  status: ApplicationStatus;
  /** The status a pause began in, to return to when it ends. */
  statusBeforePause: ApplicationStatus | null;
  receivedAt: Date;
  clock: ApplicationClock;
  /** The materials handed in so far. */
  materials: string[];
  supplementRequestedAt: Date | null;
  supplementOnTime: boolean | null;
}

export interface ApplicationFields {
  reason?: string | undefined;
  outcome?: ConclusionOutcome | undefined;
  /** Handed in with this action (补正 received, or completed at the window). */
  materials?: string[] | undefined;
  /** Items beyond the checklist the notice must name (e.g. a form filled in wrongly). */
  missing?: string[] | undefined;
}

export interface ApplicationDecision {
  status: ApplicationStatus;
  statusBeforePause: ApplicationStatus | null;
  clock: ApplicationClock;
  legalDeadline: Date;
  promisedDeadline: Date;
  promisedAmberAt: Date;
  materials: string[];
  supplementRequestedAt?: Date;
  supplementOnTime?: boolean;
  /** The missing items the one 补正 notice lists. */
  supplementMissing?: string[];
  acceptedAt?: Date;
  outcome?: ConclusionOutcome;
  concludedAt?: Date;
  nationalCode: number;
  note: string | null;
  data: Record<string, unknown>;
}

export interface ApplicationDecisionInput {
  snapshot: ApplicationSnapshot;
  rule: ApplicationRule;
  action: ApplicationAction;
  fields: ApplicationFields;
  item: Pick<ServiceItem, 'materials' | 'legalLimitDays' | 'promisedLimitDays' | 'toleranceAllowed' | 'kind'>;
  now: Date;
  calendar: WorkingCalendar;
  hours: WorkingHours;
}

/** The deadlines of a clock for an item's two limits. */
export function deadlinesOf(clock: ApplicationClock, item: ApplicationDecisionInput['item'], calendar: WorkingCalendar, hours: WorkingHours) {
  return {
    legalDeadline: deadlineOf(clock, item.legalLimitDays, calendar, hours),
    promisedDeadline: deadlineOf(clock, item.promisedLimitDays, calendar, hours),
    promisedAmberAt: amberOf(clock, item.promisedLimitDays, calendar, hours),
  };
}

function required<T>(value: T | undefined, path: string): T {
  if (value === undefined || value === '') throw new DomainError('VALIDATION_FAILED', [{ path, code: 'required' }]);
  return value;
}

function unionOf(a: readonly string[], b: readonly string[] = []): string[] {
  return [...new Set([...a, ...b.map((material) => material.trim()).filter(Boolean)])];
}

/**
 * Decides the effect of an allowed action on an application.
 * @throws DomainError VALIDATION_FAILED (a required field), APPLICATION_NOTHING_MISSING (a 补正 notice with nothing to ask),
 *   APPLICATION_TOLERANCE_NOT_ALLOWED (容缺通过 on an item without 容缺受理)
 * @example decideApplication({ snapshot, rule: acceptRule, action: 'accept', fields: {}, item, now, calendar, hours }).status // 'accepted'
 */
export function decideApplication(input: ApplicationDecisionInput): ApplicationDecision {
  const { snapshot, rule, action, fields, item, now, calendar, hours } = input;
  for (const field of rule.requires) required(fields[field], field);
  const materials = unionOf(snapshot.materials, fields.materials);
  let clock = snapshot.clock;
  let status: ApplicationStatus = rule.to === 'before_pause' ? (snapshot.statusBeforePause ?? 'received') : rule.to;
  let statusBeforePause = snapshot.statusBeforePause;
  const extra: Partial<ApplicationDecision> = {};
  const data: Record<string, unknown> = {};

  switch (action) {
    case 'accept':
      extra.acceptedAt = now;
      break;
    case 'request_supplement': {
      const missing = unionOf(missingMaterials(item, materials), fields.missing);
      if (missing.length === 0) throw new DomainError('APPLICATION_NOTHING_MISSING');
      const onTime = isSupplementNoticeOnTime(snapshot.receivedAt, now, calendar);
      clock = pauseClock(clock, 'supplement', now);
      statusBeforePause = snapshot.status;
      Object.assign(extra, { supplementRequestedAt: now, supplementOnTime: onTime, supplementMissing: missing });
      Object.assign(data, { missing, onTime });
      break;
    }
    case 'supplement_received':
      // Article 32: an on-time notice means acceptance only now, so the limits count afresh from today.
      clock = resumeClock(clock, now, calendar, { restart: snapshot.supplementOnTime === true });
      status = snapshot.statusBeforePause ?? 'received';
      statusBeforePause = null;
      Object.assign(data, { restarted: snapshot.supplementOnTime === true, stillMissing: missingMaterials(item, materials) });
      break;
    case 'start_special':
      clock = pauseClock(clock, 'special_procedure', now);
      statusBeforePause = snapshot.status;
      break;
    case 'end_special':
      clock = resumeClock(clock, now, calendar, { restart: false });
      statusBeforePause = null;
      break;
    case 'conclude': {
      const outcome = required(fields.outcome, 'outcome');
      if (outcome === 'approved_with_tolerance' && !item.toleranceAllowed) throw new DomainError('APPLICATION_TOLERANCE_NOT_ALLOWED');
      Object.assign(extra, { outcome, concludedAt: now, ...(snapshot.status === 'received' ? { acceptedAt: now } : {}) });
      data.outcome = outcome;
      data.onTheSpot = item.kind === 'on_the_spot' && snapshot.status === 'received';
      break;
    }
    default:
      break;
  }
  const deadlines = deadlinesOf(clock, item, calendar, hours);
  const nationalCode = action === 'withdraw' && snapshot.status === 'received' ? 2 : nationalStatusCode(action, extra.outcome);
  return {
    status, statusBeforePause, clock, materials, ...deadlines, ...extra, nationalCode,
    note: fields.reason ?? null,
    data: {
      ...data, nationalCode, legalDeadline: deadlines.legalDeadline.toISOString(), promisedDeadline: deadlines.promisedDeadline.toISOString(),
    },
  };
}
