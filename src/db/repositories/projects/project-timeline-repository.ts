/**
 * A project's own append-only timeline, hash-chained per project: each row's hash covers its content and
 * the previous row's hash. The data is stored as the exact JSON text that was hashed, so verifying needs
 * no canonical re-serialisation. Callers hold the project row lock (lockProject), so appends never race.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, ProjectEventRow } from '../../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewProjectEvent {
  projectId: number;
  districtId: number;
  at: Date;
  actorUserId: number | null;
  actorRole: string;
  action: string;
  data: Record<string, unknown>;
}

export function projectGenesisHash(projectId: number): string {
  return createHash('sha256').update(`civicloop-project:${projectId}`).digest('hex');
}

function hashProjectEvent(prevHash: string, event: Omit<ProjectEventRow, 'id' | 'hash' | 'prev_hash'>): string {
  const content = JSON.stringify([
    prevHash, event.project_id, event.district_id, event.at.toISOString(), event.actor_user_id, event.actor_role, event.action, event.data,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

export async function appendProjectEvent(db: Transaction<Database>, event: NewProjectEvent): Promise<void> {
  const last = await db.selectFrom('project_events').select('hash').where('project_id', '=', event.projectId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? projectGenesisHash(event.projectId);
  const row = {
    project_id: event.projectId, district_id: event.districtId, at: event.at, actor_user_id: event.actorUserId,
    actor_role: event.actorRole, action: event.action, data: JSON.stringify(event.data),
  };
  await db.insertInto('project_events').values({ ...row, prev_hash: prevHash, hash: hashProjectEvent(prevHash, row) }).execute();
}

export async function listProjectEvents(db: Db, projectId: number): Promise<ProjectEventRow[]> {
  return db.selectFrom('project_events').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
}

/** True when every event of the project chains to the one before. */
export async function verifyProjectTimeline(db: Db, projectId: number): Promise<boolean> {
  let prevHash = projectGenesisHash(projectId);
  for (const row of await listProjectEvents(db, projectId)) {
    if (row.prev_hash !== prevHash || row.hash !== hashProjectEvent(prevHash, row)) return false;
    prevHash = row.hash;
  }
  return true;
}
