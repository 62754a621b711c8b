/**
 * The bulletin's section on enterprises and policies, read from dated records only (case events, payout and
 * push instants), so a month's figures stay as they were at its end.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

export interface EnterpriseBulletinFigures {
  demandsFiled: number;
  demandsClosed: number;
  demandsClosedOnTime: number;
  autoGrantPaidCents: number;
  applicationPaidCents: number;
  enterprisesPaid: number;
  enterprisesPushed: number;
}

/** Figures of the district's enterprises for instants in [from, to). */
export async function enterpriseBulletinFigures(db: Kysely<Database>, districtId: number, from: Date, to: Date): Promise<EnterpriseBulletinFigures> {
  const filed = await db
    .selectFrom('enterprise_demands as d').innerJoin('cases as c', 'c.id', 'd.case_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.district_id', '=', districtId).where('c.created_at', '>=', from).where('c.created_at', '<', to)
    .executeTakeFirstOrThrow();
  // A demand is solved when the loop closes it (check_pass); on time when it was resolved by its deadline.
  const closed = await db
    .selectFrom('case_events as v').innerJoin('enterprise_demands as d', 'd.case_id', 'v.case_id').innerJoin('cases as c', 'c.id', 'v.case_id')
    .select((eb) => [
      eb.fn.count<number>('v.case_id').distinct().as('closed'),
      eb.fn.count<number>(eb.case().when('c.resolved_at', '<=', eb.ref('c.resolve_deadline')).then(eb.ref('v.case_id')).end()).distinct().as('on_time'),
    ])
    .where('v.district_id', '=', districtId).where('v.to_state', '=', 'closed').where('v.from_state', '<>', 'closed')
    .where('v.at', '>=', from).where('v.at', '<', to)
    .executeTakeFirstOrThrow();
  const grants = await db
    .selectFrom('grant_items as g').innerJoin('enterprises as e', 'e.id', 'g.enterprise_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('g.amount_cents'), eb.lit(0)).as('cents'))
    .where('e.district_id', '=', districtId).where('g.paid_at', '>=', from).where('g.paid_at', '<', to)
    .executeTakeFirstOrThrow();
  const applications = await db
    .selectFrom('policy_applications as a')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('a.amount_cents'), eb.lit(0)).as('cents'))
    .where('a.district_id', '=', districtId).where('a.paid_at', '>=', from).where('a.paid_at', '<', to)
    .executeTakeFirstOrThrow();
  const paid = await db
    .selectFrom((eb) => eb.selectFrom('grant_items as g').innerJoin('enterprises as e', 'e.id', 'g.enterprise_id').select('g.enterprise_id')
      .where('e.district_id', '=', districtId).where('g.paid_at', '>=', from).where('g.paid_at', '<', to)
      .union(eb.selectFrom('policy_applications as a').select('a.enterprise_id').where('a.district_id', '=', districtId).where('a.paid_at', '>=', from).where('a.paid_at', '<', to))
      .as('p'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const pushed = await db
    .selectFrom('policy_pushes as p').innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .select((eb) => eb.fn.count<number>('p.enterprise_id').distinct().as('n'))
    .where('e.district_id', '=', districtId).where('p.pushed_at', '>=', from).where('p.pushed_at', '<', to)
    .executeTakeFirstOrThrow();
  return {
    demandsFiled: Number(filed.n), demandsClosed: Number(closed.closed), demandsClosedOnTime: Number(closed.on_time),
    autoGrantPaidCents: Number(grants.cents), applicationPaidCents: Number(applications.cents), enterprisesPaid: Number(paid.n), enterprisesPushed: Number(pushed.n),
  };
}
