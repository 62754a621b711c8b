/** Passwords, sessions and tokens: login, who-am-I and logout, and adding users. */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../../domain/errors.ts';
import { ROLES, type Role } from '../../domain/case/index.ts';
import {
  clearLoginFailures, deleteSession, replacePasswordHash, findSessionUser, findUserByUsername, insertSession, insertUser, lockedUntil, recordLoginFailure, deleteStaleLoginFailures,
  touchSession, listUserSessions, deleteUserSession, deleteOtherSessions,
} from '../../db/repositories/org/index.ts';
import { runWrite } from '../write-transaction.ts';
import { insertAudit } from '../../db/repositories/admin/index.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { forgetUserSessions, rememberedSession } from './session-cache.ts';
import type { UserRow } from '../../db/schema.ts';
import { sqlState } from '../../db/sql-state.ts';
import type { ServiceDeps } from '../service-deps.ts';

/** Token hashes, not tokens, are stored: a leaked sessions table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Failures further apart than this start the count again. */
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;
/** Failures allowed before a lock: per account (guessing one password), per address (trying many accounts). */
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_ADDRESS = 20;
const LOCK_BASE_MS = 60_000;
const LOCK_MAX_MS = 60 * 60_000;

/**
 * How long a key is locked after its n-th failure: nothing up to the limit, then one minute, doubling with
 * each further failure, at most an hour.
 * @example loginLockMs(7, 5) // 240000
 */
export function loginLockMs(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(LOCK_MAX_MS, LOCK_BASE_MS * 2 ** Math.min(failures - limit, 10));
}

function loginThrottleKeys(username: string, address: string) {
  return {
    account: { key: `account:${username.trim().toLowerCase()}`, limit: LOGIN_FAILURES_PER_ACCOUNT },
    address: { key: `address:${address}`, limit: LOGIN_FAILURES_PER_ADDRESS },
  };
}

// A fixed hash to verify against when the user does not exist, so timing does not reveal usernames.
let decoyHash: Promise<string> | null = null;

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

/**
 * Checks a username and password and opens a session. Failures are counted per account and per
 * address in the database (every instance sees them); past the limit the key is locked with backoff.
 * @param address - the client's address as the server sees it (only configured proxies may name another)
 * @throws DomainError AUTH_INVALID_CREDENTIALS for any mismatch or inactive user, AUTH_LOCKED while locked
 */
export async function login(deps: ServiceDeps, username: string, password: string, address: string, userAgent = ''): Promise<LoginResult> {
  const throttle = loginThrottleKeys(username, address);
  const now = deps.clock();
  const until = await lockedUntil(deps.db, [throttle.account.key, throttle.address.key], now);
  // A locked key gets no answer about the password at all, right or wrong.
  if (until) throw new DomainError('AUTH_LOCKED', { retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) });
  const user = await findUserByUsername(deps.db, username);
  let matches: boolean;
  if (!user || !user.active) {
    decoyHash ??= hash('civicloop-decoy-password');
    await verify(await decoyHash, password);
    matches = false;
  } else {
    matches = await verify(user.password_hash, password);
  }
  if (!matches || !user || !user.active) {
    await runWrite(deps, async (trx) => {
      for (const { key, limit } of [throttle.account, throttle.address]) {
        await recordLoginFailure(trx, key, now, LOGIN_FAILURE_WINDOW_MS, (failures) => loginLockMs(failures, limit));
      }
      // Failures are rare, so each one also sweeps the counters that ended: the table never outgrows one window.
      await deleteStaleLoginFailures(trx, now, LOGIN_FAILURE_WINDOW_MS);
    });
    throw new DomainError('AUTH_INVALID_CREDENTIALS');
  }
  await runWrite(deps, (trx) => clearLoginFailures(trx, [throttle.account.key]));
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.settings.sessionHours * 3_600_000);
  await insertSession(deps.db, { tokenHash: hashToken(token), userId: user.id, csrfToken, createdAt: now, expiresAt, address, userAgent: userAgent.slice(0, 200) });
  return { token, csrfToken, expiresAt, user };
}

/** A session's last-seen time is written at most this often: the idle timeout needs minutes, not every request. */
const TOUCH_EVERY_MS = 60_000;

/** The instant before which an unused session has timed out. */
export function idleSince(deps: Pick<ServiceDeps, 'settings'>, now: Date): Date {
  return new Date(now.getTime() - deps.settings.sessionIdleMinutes * 60_000);
}

/** The user behind a session token, or undefined when it is unknown, expired or idle too long; marks the session used. */
export async function authenticate(deps: ServiceDeps, token: string) {
  const now = deps.clock();
  const idle = idleSince(deps, now);
  const found = await rememberedSession(
    deps.db, hashToken(token),
    (session) => session.expiresAt > now && session.lastSeenAt > idle,
    () => findSessionUser(deps.db, hashToken(token), now, idle),
  );
  if (found && now.getTime() - found.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(deps.db, found.sessionId, now);
    found.lastSeenAt = now;
  }
  return found;
}

export async function logout(deps: ServiceDeps, token: string): Promise<void> {
  const session = await findSessionUser(deps.db, hashToken(token), deps.clock(), new Date(0));
  await deleteSession(deps.db, hashToken(token));
  if (session) forgetUserSessions(deps.db, session.id);
}

export interface AddUserInput {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  districtId?: number | null;
  streetId?: number | null;
  departmentId?: number | null;
  gridId?: number | null;
  phone?: string | null;
}

/** Roles whose work is inside one district and so need one. */
const NEEDS_DISTRICT: readonly Role[] = ['grid_worker', 'operator', 'shift_lead', 'handler', 'supervisor', 'leader', 'project_officer'];

/**
 * Adds a user after checking the role's scope: handlers need a department, grid workers a grid.
 * @throws DomainError USER_EXISTS, VALIDATION_FAILED
 */
export async function addUser(deps: Pick<ServiceDeps, 'db'>, input: AddUserInput): Promise<UserRow> {
  const problems: { path: string; code: string }[] = [];
  if (!ROLES.includes(input.role)) problems.push({ path: 'role', code: 'invalid_value' });
  if (NEEDS_DISTRICT.includes(input.role) && !input.districtId) problems.push({ path: 'districtId', code: 'required' });
  if (input.role === 'handler' && !input.departmentId) problems.push({ path: 'departmentId', code: 'required' });
  if (input.role === 'grid_worker' && !input.gridId) problems.push({ path: 'gridId', code: 'required' });
  if (input.password.length < 8) problems.push({ path: 'password', code: 'too_small' });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems);
  if (await findUserByUsername(deps.db, input.username)) throw new DomainError('USER_EXISTS');
  const passwordHash = await hashPassword(input.password);
  // The check above answers the usual case; two requests at once both pass it, and the unique index decides.
  return insertUser(deps.db, {
    username: input.username,
    passwordHash,
    displayName: input.displayName,
    role: input.role,
    districtId: input.districtId ?? null,
    streetId: input.streetId ?? null,
    departmentId: input.departmentId ?? null,
    gridId: input.gridId ?? null,
    phone: input.phone ?? null,
  }).catch((error: unknown) => {
    if (sqlState(error) === '23505') throw new DomainError('USER_EXISTS');
    throw error;
  });
}

/**
 * Changes the caller's own password after checking the current one; every other session of theirs ends
 * (a stolen session does not survive the change), and the change is audited.
 * @throws DomainError AUTH_INVALID_CREDENTIALS for a wrong current password, PASSWORD_TOO_WEAK
 */
export async function changeOwnPassword(deps: ServiceDeps, user: UserRow, sessionToken: string | null, currentPassword: string, newPassword: string): Promise<void> {
  if (!(await verify(user.password_hash, currentPassword))) throw new DomainError('AUTH_INVALID_CREDENTIALS');
  assertPasswordAcceptable(newPassword, [user.username, user.display_name]);
  const passwordHash = await hashPassword(newPassword);
  const now = deps.clock();
  await runWrite(deps, async (trx) => {
    await replacePasswordHash(trx, user.id, passwordHash, sessionToken ? hashToken(sessionToken) : null);
    await insertAudit(trx, { at: now, actorUserId: user.id, action: 'account.change_password', subject: `user:${user.username}`, data: {} });
  });
  forgetUserSessions(deps.db, user.id);
}

/** The caller's live sessions, the one making the request marked `current`. */
export async function listOwnSessions(deps: ServiceDeps, user: UserRow, sessionToken: string | null) {
  const now = deps.clock();
  const currentHash = sessionToken ? hashToken(sessionToken) : null;
  const sessions = await listUserSessions(deps.db, user.id, now, idleSince(deps, now));
  return sessions.map(({ tokenHash, ...session }) => ({ ...session, current: tokenHash === currentHash }));
}

/**
 * Ends one of the caller's sessions (a lost phone, a shared computer).
 * @throws DomainError SESSION_UNKNOWN when the id is not one of the caller's live sessions
 */
export async function revokeOwnSession(deps: ServiceDeps, user: UserRow, sessionId: number): Promise<void> {
  await runWrite(deps, async (trx) => {
    if (!(await deleteUserSession(trx, user.id, sessionId))) throw new DomainError('SESSION_UNKNOWN');
    await insertAudit(trx, { at: deps.clock(), actorUserId: user.id, action: 'account.revoke_session', subject: `user:${user.username}`, data: { sessionId } });
  });
  forgetUserSessions(deps.db, user.id);
}

/** Ends every session of the caller but the current one. @returns how many ended */
export async function revokeOtherOwnSessions(deps: ServiceDeps, user: UserRow, sessionToken: string | null): Promise<number> {
  return runWrite(deps, async (trx) => {
    const ended = await deleteOtherSessions(trx, user.id, sessionToken ? hashToken(sessionToken) : null);
    await insertAudit(trx, { at: deps.clock(), actorUserId: user.id, action: 'account.revoke_other_sessions', subject: `user:${user.username}`, data: { ended } });
    return ended;
  }).finally(() => forgetUserSessions(deps.db, user.id));
}
