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
  session: { tokenHash: string; userId: number; csrfToken: string; createdAt: Date; expiresAt: Date; address: string; userAgent: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash, user_id: session.userId, csrf_token: session.csrfToken,
      created_at: session.createdAt, expires_at: session.expiresAt, last_seen_at: session.createdAt,
      address: session.address, user_agent: session.userAgent,
    })
    .execute();
}

/** The live session for a token hash (not expired, used since `idleSince`), with its active user. */
export async function findSessionUser(db: Db, tokenHash: string, now: Date, idleSince: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.id as sessionId', 's.csrf_token as csrfToken', 's.expires_at as expiresAt', 's.last_seen_at as lastSeenAt'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

/** Records a request on a session, for the idle timeout. */
export async function touchSession(db: Db, sessionId: number, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export interface SessionSummary {
  id: number;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  address: string;
  userAgent: string;
  tokenHash: string;
}

/** A user's live sessions, the most recently used first. */
export async function listUserSessions(db: Db, userId: number, now: Date, idleSince: Date): Promise<SessionSummary[]> {
  return db.selectFrom('sessions')
    .select(['id', 'created_at as createdAt', 'last_seen_at as lastSeenAt', 'expires_at as expiresAt', 'address', 'user_agent as userAgent', 'token_hash as tokenHash'])
    .where('user_id', '=', userId).where('expires_at', '>', now).where('last_seen_at', '>', idleSince)
    .orderBy('last_seen_at', 'desc').orderBy('id', 'desc')
    .execute();
}

/** Ends one session of a user; the user id keeps anyone from naming another user's session. @returns whether one ended */
export async function deleteUserSession(db: Db, userId: number, sessionId: number): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '=', sessionId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ends every session of a user except `keepTokenHash`. @returns how many ended */
export async function deleteOtherSessions(db: Db, userId: number, keepTokenHash: string | null): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) query = query.where('token_hash', '!=', keepTokenHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function activateUser(db: Db, userId: number): Promise<void> {
  await db.updateTable('users').set({ active: true }).where('id', '=', userId).execute();
}

/** An admin's new password: all the user's sessions end and the next login must choose a new one. */
export async function resetPasswordHash(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: true }).where('id', '=', userId).execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export interface UserChanges {
  displayName?: string;
  phone?: string | null;
  districtId?: number | null;
  streetId?: number | null;
  departmentId?: number | null;
  gridId?: number | null;
}

export async function updateUser(db: Db, userId: number, changes: UserChanges): Promise<UserRow> {
  return db.updateTable('users')
    .set({
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
      ...(changes.districtId !== undefined ? { district_id: changes.districtId } : {}),
      ...(changes.streetId !== undefined ? { street_id: changes.streetId } : {}),
      ...(changes.departmentId !== undefined ? { department_id: changes.departmentId } : {}),
      ...(changes.gridId !== undefined ? { grid_id: changes.gridId } : {}),
    })
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirstOrThrow();
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
  await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: false }).where('id', '=', userId).execute();
  let sessions = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) sessions = sessions.where('token_hash', '!=', keepTokenHash);
  await sessions.execute();
}
