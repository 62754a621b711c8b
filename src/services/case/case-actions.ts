/**
 * Taking an action on a case, written one of two ways with one rule (case-action-decide.ts):
 * - an action on one case is a read and one conditional write (issue 10): the case and its earlier events read
 *   side by side, no lock, no transaction; then one statement that updates the case only if it still stands as
 *   read (`where version = $v` …), with its event and follow-ups (case-action-repository.ts);
 * - a merge writes two cases, and 督办 notices and auto-dispatch act inside transactions of their own: those lock
 *   the case (`actOnLockedCase`) and write the row, the event and the follow-ups in that transaction.
 */
import { DomainError } from '../../domain/errors.ts';
import { mayEver } from '../../domain/access/index.ts';
import type { Actor } from '../../domain/case/case-model.ts';
import { caseAtEventOf } from '../../domain/supervision/index.ts';
import { findCase, lockCase, updateCaseIfVersion, type CaseListRow } from '../../db/repositories/case/case-repository.ts';
import { appendEvents, eventRowValues, listCaseEvents, timelineEntryOf } from '../../db/repositories/case/timeline-repository.ts';
import { updateCaseWithEvent } from '../../db/repositories/case/case-action-repository.ts';
import { priorEventsOf, standingOfRow } from '../../db/repositories/supervision/index.ts';
import type { Transaction } from 'kysely';
import type { CaseRow, Database, TimelineEntry } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { enqueueFollowUps, planFollowUps } from './case-follow-ups.ts';
import { runWrite, runWriteStatement } from '../write-transaction.ts';
import { actionEventOf, decideAction, type ActionRequest, type WorkingCalendarOf } from './case-action-decide.ts';

export type { ActionRequest } from './case-action-decide.ts';

/**
 * How many times an action is decided again when its write found the case moved on while its version did not
 * (a warning raised, a clock recalculated in between); a moved version answers CASE_VERSION_CONFLICT at once.
 */
export const ACTION_ATTEMPTS = 3;

export interface ActionOutcome {
  /** The case as stored afterwards. */
  row: CaseRow;
  /**
   * The case with its names and its timeline as the write left them, when the action was one statement: the
   * answer is built from it without reading the case back (its new event is not linked yet: `hash` is null).
   */
  written?: { view: CaseListRow; timeline: TimelineEntry[] };
}

/**
 * Locks the case; a merge also locks its target, both in id order, so that A→B racing B→A, or a merge
 * racing the target's decline, is decided one after the other (the second sees the first's result)
 * and two merges never wait on each other in a cycle.
 * @returns the acted-on case, locked
 */
async function lockActionCases(trx: Transaction<Database>, request: ActionRequest): Promise<CaseRow | undefined> {
  const target = request.action === 'merge' ? request.fields.intoCaseId : undefined;
  if (target === undefined || target === request.caseId) return lockCase(trx, request.caseId);
  const [first, second] = target < request.caseId ? [target, request.caseId] : [request.caseId, target];
  const firstRow = await lockCase(trx, first);
  const secondRow = await lockCase(trx, second);
  return first === request.caseId ? firstRow : secondRow;
}

/**
 * Performs one action on one case for one actor.
 * @returns the case as stored afterwards
 * @throws DomainError NOT_FOUND, FORBIDDEN, AUTH_REQUIRED, CASE_VERSION_CONFLICT, CASE_INVALID_TRANSITION and the guard errors
 */
export async function performCaseAction(deps: ServiceDeps, actor: Actor, request: ActionRequest): Promise<CaseRow> {
  return (await takeCaseAction(deps, actor, request)).row;
}

/**
 * Performs one action on one case for one actor, with what the answer needs when the write was one statement.
 * @throws as performCaseAction, and WRITE_CONFLICT when the case kept moving under the action
 */
export async function takeCaseAction(deps: ServiceDeps, actor: Actor, request: ActionRequest): Promise<ActionOutcome> {
  // An action the role can never take is refused before the case is looked up: the answer tells nothing about the case.
  if (!mayEver(actor.role, `case.act.${request.action}`)) {
    throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN', { action: request.action });
  }
  const now = deps.clock();
  const calendar = await deps.calendar.get();
  if (request.action !== 'merge') return actInOneStatement(deps, actor, request, now, calendar);
  const row = await runWrite(deps, async (trx) => {
    const locked = await lockActionCases(trx, request);
    if (!locked) throw new DomainError('NOT_FOUND');
    return actOnLockedCase({ trx, deps, actor, row: locked, request, now, calendar });
  });
  return { row };
}

/**
 * Reads the case and its events, decides, and writes in one statement that matches only the case as read.
 *
 * The event's facts come from the case after the event and its earlier sign/resolve/close/rate events. Those four
 * are written only by actions, which bump the version; the events other writers add without bumping it (督办
 * answers, attachments, appeals, merge_in, rating requests, escalations) change no fact. What does change facts
 * without a new version are the clock columns the warning sweep and the deadline recalculation move: the write
 * compares them too (`CaseSeen`), and when only they moved the action is decided again on the case as it now is.
 */
async function actInOneStatement(deps: ServiceDeps, actor: Actor, request: ActionRequest, now: Date, calendar: WorkingCalendarOf): Promise<ActionOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    const [row, events] = await Promise.all([findCase(deps.db, request.caseId), listCaseEvents(deps.db, request.caseId)]);
    if (!row) throw new DomainError('NOT_FOUND');
    // A moved version fails here, on the second attempt too: CASE_VERSION_CONFLICT, as before any write.
    const decided = await decideAction({ db: deps.db, deps, actor, row, request, now, calendar });
    const event = actionEventOf({ row, decided, actor, action: request.action, now });
    const { case_id: _known, ...eventValues } = eventRowValues(event, caseAtEventOf(standingOfRow(decided.after)), priorEventsOf(events));
    const followUps = planFollowUps({ actor: decided.effectiveActor, action: request.action, before: row, after: decided.after, now });
    const written = await runWriteStatement(deps, (db) => updateCaseWithEvent(db, {
      caseId: row.id, seen: row, changes: decided.changes, event: eventValues, followUps,
    }), { followUp: followUps.length > 0 });
    if (written) {
      return { row: written.row, written: { view: written.view, timeline: [...events, timelineEntryOf(event, written.eventId)] } };
    }
    if (attempt >= ACTION_ATTEMPTS) throw new DomainError('WRITE_CONFLICT', { attempts: attempt });
  }
}

/**
 * The action path on a case already locked in the caller's transaction (e.g. a 督办 notice also
 * supervises its case): one write that bumps the version, one timeline event.
 * @param eventData - extra facts for the timeline event (e.g. the notice id)
 */
export async function actOnLockedCase(input: {
  trx: Transaction<Database>; deps: ServiceDeps; actor: Actor; row: CaseRow; request: ActionRequest; now: Date;
  calendar: WorkingCalendarOf; eventData?: Record<string, unknown>;
  /** The timeline names the system, not the actor whose rights the action used (auto-dispatch acts as an operator). */
  recordAsSystem?: boolean;
}): Promise<CaseRow> {
  const { trx, deps, actor, row, request, now, calendar } = input;
  const decided = await decideAction({ db: trx, deps, actor, row, request, now, calendar });
  const updated = await updateCaseIfVersion(trx, row.id, row.version, decided.changes);
  if (!updated) throw new DomainError('CASE_VERSION_CONFLICT');
  const event = actionEventOf({ row, decided, actor, action: request.action, now, eventData: input.eventData, recordAsSystem: input.recordAsSystem });
  await appendEvents(trx, row.district_id, [event], { row: updated });
  await enqueueFollowUps(trx, { actor: decided.effectiveActor, action: request.action, before: row, after: updated, now });
  return updated;
}
