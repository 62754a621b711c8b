/**
 * Auto-dispatch (issue 14, item 3): a new case whose category the model also names first, at or above the
 * admin's threshold for that category, is filed and dispatched to the suggested department without an operator.
 * The intake only asks for it (an outbox row, and only in a district with some threshold set); the outbox drain
 * does it after the intake committed, in its own transaction, so the intake never waits on the model. The
 * timeline records both steps as the system's, with the model version and confidence.
 */
import type { Actor } from '../../domain/case/index.ts';
import { lockCase } from '../../db/repositories/case/index.ts';
import { listAutoDispatchRules } from '../../db/repositories/dispatch/index.ts';
import { findDistrictById } from '../../db/repositories/org/index.ts';
import { referenceData } from '../org/index.ts';
import { actOnLockedCase } from '../case/index.ts';
import type { FollowUp } from '../case/index.ts';
import { suggestDispatch } from './dispatch-suggest.ts';
import { AUTO_DISPATCH_KIND, type AutoDispatchPlan } from './auto-dispatch-request.ts';

export const autoDispatchOnIntake: FollowUp<AutoDispatchPlan> = {
  kind: AUTO_DISPATCH_KIND,
  // Never planned by an action: the intake enqueues it (requestAutoDispatch).
  plan: () => null,
  async run({ trx, deps, payload }) {
    const row = await lockCase(trx, payload.caseId);
    // An operator may have filed (or closed) the case in the meantime: theirs is the decision.
    if (!row || row.state !== 'reported') return;
    const rules = await listAutoDispatchRules(trx, row.district_id);
    if (rules.length === 0) return;
    const [category, district] = await Promise.all([
      referenceData.categoryById(deps.db, row.category_id, trx), findDistrictById(trx, row.district_id),
    ]);
    if (!category || !district) return;
    // The system acts with an operator's rights in the case's district; the timeline names the system.
    const system: Actor = { userId: null, role: 'operator', districtId: row.district_id, streetId: null, departmentId: null, gridId: null };
    // PGlite has one connection: the model is read through the drain's transaction, cached on the database handle.
    const result = await suggestDispatch({ ...deps, db: trx }, system, { text: `${row.title}\n${row.description}`, districtCode: district.code, limit: 1 }, deps.db);
    const top = result.suggestions[0];
    const rule = rules.find((candidate) => candidate.categoryCode === category.code);
    // Only when the model agrees with the case's category: a disagreement is the operator's to settle.
    if (!top || !rule || top.categoryCode !== category.code || top.confidence < rule.minConfidence || top.departmentId === null) return;
    const now = deps.clock();
    const calendar = await deps.calendar.get();
    const eventData = { automatic: true, modelVersion: result.model.version, confidence: top.confidence, minConfidence: rule.minConfidence };
    const filed = await actOnLockedCase({
      trx, deps, actor: system, row, now, calendar, eventData, recordAsSystem: true,
      request: { caseId: row.id, action: 'file', version: row.version, fields: {} },
    });
    await actOnLockedCase({
      trx, deps, actor: system, row: filed, now, calendar, eventData, recordAsSystem: true,
      request: { caseId: row.id, action: 'dispatch', version: filed.version, fields: { departmentId: top.departmentId } },
    });
  },
};
