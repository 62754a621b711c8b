/**
 * Live desks (issue 17): after each post-commit pass, the timeline rows linked since the last pass are read
 * once and handed to every open desk that may see their case (the same rule as reading the case).
 *
 * Works with several instances: the position is each district's gap-free `chain_seq`, and every instance
 * runs a pass after its own writes and on its drain timer, so a desk on instance B sees a case filed on
 * instance A within B's drain interval (immediately when both are one instance). Nothing is read while no
 * desk listens.
 */
import { canViewCase } from '../../domain/case/case-access.ts';
import type { Actor } from '../../domain/case/case-model.ts';
import { chainHeads, listLinkedChangesAfter, type LinkedCaseChange } from '../../db/repositories/case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import type { LiveCaseChange } from '../../shared/case-views.ts';

/** One change of a case as a desk hears it (the shared wire shape, with its instant as a Date). */
export type CaseChange = Omit<LiveCaseChange, 'at'> & { at: Date };

export type CaseChangeListener = (changes: CaseChange[]) => void;

export interface CaseLiveFeed {
  /** Starts telling `listener` the changes `actor` may see; the returned function stops it. */
  subscribe(actor: Actor, listener: CaseChangeListener): Promise<() => void>;
  /** Reads what was linked since the last call and tells the listeners; a no-op while none listens. */
  publish(): Promise<void>;
  /** Open desks now (the health and the tests read it). */
  listeners(): number;
}

/** Rows read per query; a burst larger than this is read in several. */
const READ_BATCH = 500;

/** A department's queue starts at the dispatch (the list's department scope): earlier states are not its business. */
const BEFORE_A_DEPARTMENT = new Set(['reported', 'filed', 'declined', 'merged']);

function visibleTo(actor: Actor, row: LinkedCaseChange): boolean {
  if (actor.role === 'handler' && BEFORE_A_DEPARTMENT.has(row.state)) return false;
  const isReporter = actor.userId !== null && row.reporter_user_id === actor.userId;
  return canViewCase(actor, { districtId: row.district_id, departmentId: row.department_id, gridId: row.grid_id, state: row.state as never }, isReporter);
}

function toChange(row: LinkedCaseChange): CaseChange {
  return {
    caseId: row.case_id, number: row.number, kind: row.kind, action: row.action, state: row.state, priority: row.priority,
    category: row.category_name, categoryEn: row.category_name_en, at: row.at,
  };
}

export function createCaseLiveFeed(deps: Pick<ServiceDeps, 'db'>): CaseLiveFeed {
  const desks = new Map<number, { actor: Actor; listener: CaseChangeListener }>();
  let nextDesk = 1;
  let position: Map<number, number> | null = null;
  // one read at a time, in order: two passes finishing together must not tell a change twice
  let queue: Promise<void> = Promise.resolve();

  async function readOnce(): Promise<void> {
    if (desks.size === 0 || !position) return;
    for (;;) {
      const rows = await listLinkedChangesAfter(deps.db, position, READ_BATCH);
      for (const row of rows) position.set(row.district_id, Math.max(position.get(row.district_id) ?? 0, row.chain_seq));
      if (rows.length === 0) return;
      for (const { actor, listener } of desks.values()) {
        const seen = rows.filter((row) => visibleTo(actor, row)).map(toChange);
        if (seen.length > 0) listener(seen);
      }
      if (rows.length < READ_BATCH) return;
    }
  }

  return {
    async subscribe(actor, listener) {
      // the first desk starts from the heads as they are: it wants what happens from now on
      if (!position) position = await chainHeads(deps.db);
      const id = nextDesk++;
      desks.set(id, { actor, listener });
      return () => {
        desks.delete(id);
        // with nobody listening the position would go stale; the next desk starts from the heads again
        if (desks.size === 0) position = null;
      };
    },
    publish() {
      queue = queue.then(readOnce).catch(() => undefined);
      return queue;
    },
    listeners: () => desks.size,
  };
}
