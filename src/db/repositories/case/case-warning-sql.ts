/**
 * The one overdue rule of case-warning.ts, as SQL over the stored instants: a case being worked on is
 * judged now, a suspended one at its suspension; red after `resolve_deadline`, amber from `amber_at`.
 * The case list filter and the bulletin say it through these expressions.
 */
import { sql, type Expression, type SqlBool } from 'kysely';

/** The instant a case's clock is read at: `now` while worked on, its suspension while suspended, else null. */
function clockInstant(alias: string, now: Date) {
  const k = sql.table(alias);
  return sql<Date | null>`(case when ${k}.state in ('dispatched', 'signed') then ${now}::timestamptz when ${k}.state = 'suspended' then ${k}.suspended_at end)`;
}

/** Red: the resolve deadline had passed at the clock's instant. */
export function isRedSql(alias: string, now: Date): Expression<SqlBool> {
  return sql<SqlBool>`coalesce(${clockInstant(alias, now)} > ${sql.table(alias)}.resolve_deadline, false)`;
}

/** Overdue: red, or dispatched and not signed by the sign deadline. */
export function isOverdueSql(alias: string, now: Date): Expression<SqlBool> {
  const k = sql.table(alias);
  return sql<SqlBool>`(${isRedSql(alias, now)} or (${k}.state = 'dispatched' and ${k}.sign_deadline < ${now}))`;
}

