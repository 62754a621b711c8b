/**
 * Tampering as only the table's owner can: the append-only trigger on case_events (migration 0022) is
 * switched off around the edit, as an attacker holding the owner role would. Tests of verify-timeline use it.
 */
import { sql, type Kysely } from 'kysely';

export async function behindTheTriggersBack<T>(db: Kysely<any>, edit: () => Promise<T>): Promise<T> {
  await sql`alter table case_events disable trigger case_events_append_only`.execute(db);
  try {
    return await edit();
  } finally {
    await sql`alter table case_events enable trigger case_events_append_only`.execute(db);
  }
}
