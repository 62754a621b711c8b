/** The admin audit trail: one row per admin change outside a case's timeline. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  at: Date;
  actorUserId: number | null;
  /** e.g. 'calendar.import_notice', 'district.settings' */
  action: string;
  /** what changed, e.g. 'calendar:2026', 'district:220106' */
  subject: string;
  data: Record<string, unknown>;
}

export async function insertAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto('admin_audit')
    .values({ at: entry.at, actor_user_id: entry.actorUserId, action: entry.action, subject: entry.subject, data: JSON.stringify(entry.data) })
    .execute();
}

/** The newest entries about a subject first. */
export async function listAudit(db: Db, subject: string, limit = 50): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('admin_audit').selectAll().where('subject', '=', subject).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ at: row.at, actorUserId: row.actor_user_id, action: row.action, subject: row.subject, data: row.data }));
}
