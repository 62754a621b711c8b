/** Users and their sessions. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRow } from '../../schema.ts';
import type { Role } from '../../../domain/case/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewUser {
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  districtId: number | null;
  streetId: number | null;
  departmentId: number | null;
  gridId: number | null;
  phone: string | null;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      username: user.username, password_hash: user.passwordHash, display_name: user.displayName, role: user.role,
      district_id: user.districtId, street_id: user.streetId, department_id: user.departmentId, grid_id: user.gridId, phone: user.phone,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; userId: number; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash, user_id: session.userId, csrf_token: session.csrfToken,
      created_at: session.createdAt, expires_at: session.expiresAt,
    })
    .execute();
}

/** The live session for a token hash, with its active user. */
export async function findSessionUser(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token as csrfToken', 's.expires_at as expiresAt'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('id').execute();
}

/** Marks a user inactive and ends their sessions: they can no longer log in or act. */
export async function deactivateUser(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ active: false }).where('id', '=', userId).execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Sets a new password hash and ends every session of the user except `keepTokenHash`. */
export async function replacePasswordHash(db: Db, userId: number, passwordHash: string, keepTokenHash: string | null): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  let sessions = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) sessions = sessions.where('token_hash', '!=', keepTokenHash);
  await sessions.execute();
}
