/** 免申即享 grant runs, their items (one per policy version and enterprise) and the audit trail. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, GrantEventsTable, GrantItemStatus } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function insertGrantRun(db: Db, values: { policyId: number; version: number; evaluationDate: string; runBy: number | null; at: Date }) {
  return db
    .insertInto('grant_runs')
    .values({ policy_id: values.policyId, version: values.version, evaluation_date: values.evaluationDate, run_by: values.runBy, run_at: values.at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Enterprises that already have an item for this policy version: a repeated run never lists them twice. */
export async function listedEnterpriseIds(db: Db, policyId: number, version: number): Promise<Set<number>> {
  const rows = await db.selectFrom('grant_items').select('enterprise_id').where('policy_id', '=', policyId).where('version', '=', version).execute();
  return new Set(rows.map((row) => row.enterprise_id));
}

export async function insertGrantItems(db: Db, rows: { runId: number; policyId: number; version: number; enterpriseId: number; amountCents: number; explanation: unknown }[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('grant_items')
    .values(rows.map((row) => ({
      run_id: row.runId, policy_id: row.policyId, version: row.version, enterprise_id: row.enterpriseId,
      amount_cents: row.amountCents, explanation: JSON.stringify(row.explanation), status: 'pending' as const,
    })))
    .onConflict((oc) => oc.columns(['policy_id', 'version', 'enterprise_id']).doNothing())
    .returningAll()
    .execute();
}

export async function lockGrantItem(db: Db, runId: number, itemId: number) {
  return db.selectFrom('grant_items').selectAll().where('id', '=', itemId).where('run_id', '=', runId).forUpdate().executeTakeFirst();
}

export async function setGrantItemDecision(db: Db, itemId: number, values: { status: GrantItemStatus; userId: number | null; at: Date }) {
  return db.updateTable('grant_items').set({ status: values.status, decided_by: values.userId, decided_at: values.at }).where('id', '=', itemId).returningAll().executeTakeFirstOrThrow();
}

export async function setGrantItemPaid(db: Db, itemId: number, values: { userId: number | null; at: Date; reference: string }) {
  return db
    .updateTable('grant_items')
    .set({ status: 'paid', paid_by: values.userId, paid_at: values.at, payment_reference: values.reference })
    .where('id', '=', itemId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertGrantEvents(db: Db, events: { runId: number; itemId: number | null; action: GrantEventsTable['action']; actorUserId: number | null; at: Date; data?: Record<string, unknown> }[]) {
  if (events.length === 0) return;
  await db.insertInto('grant_events').values(events.map((event) => ({
    run_id: event.runId, item_id: event.itemId, action: event.action, actor_user_id: event.actorUserId, at: event.at, data: JSON.stringify(event.data ?? {}),
  }))).execute();
}

export async function findGrantRun(db: Db, id: number) {
  return db.selectFrom('grant_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listGrantItems(db: Db, filter: { runId?: number; enterpriseId?: number }) {
  let query = db
    .selectFrom('grant_items as g')
    .innerJoin('policies as p', 'p.id', 'g.policy_id')
    .innerJoin('enterprises as e', 'e.id', 'g.enterprise_id')
    .selectAll('g')
    .select(['p.code as policy_code', 'p.title as policy_title', 'p.title_en as policy_title_en', 'p.excludes as policy_excludes', 'e.name as enterprise_name'])
    .orderBy('g.id');
  if (filter.runId !== undefined) query = query.where('g.run_id', '=', filter.runId);
  if (filter.enterpriseId !== undefined) query = query.where('g.enterprise_id', '=', filter.enterpriseId);
  return query.execute();
}

export async function listGrantEvents(db: Db, runId: number) {
  return db.selectFrom('grant_events').selectAll().where('run_id', '=', runId).orderBy('id').execute();
}

/** Amounts paid and enterprises reached (pushed or granted) in a district. */
export async function grantTotals(db: Db, districtId: number) {
  const paid = await db
    .selectFrom('grant_items as g')
    .innerJoin('enterprises as e', 'e.id', 'g.enterprise_id')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('g.amount_cents'), eb.lit(0)).as('paid_cents'), eb.fn.count<number>('g.id').as('paid_items')])
    .where('e.district_id', '=', districtId)
    .where('g.status', '=', 'paid')
    .executeTakeFirstOrThrow();
  const pushed = await db
    .selectFrom('policy_pushes as p')
    .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .select((eb) => eb.fn.count<number>('p.enterprise_id').distinct().as('reached'))
    .where('e.district_id', '=', districtId)
    .executeTakeFirstOrThrow();
  return { paidCents: Number(paid.paid_cents), paidItems: Number(paid.paid_items), enterprisesReached: Number(pushed.reached) };
}
