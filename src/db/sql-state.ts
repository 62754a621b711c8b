/**
 * The SQLSTATE of a database error, the same on `pg` and PGlite (both put it on `code`): the one place
 * that knows how a driver reports it.
 */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** PostgreSQL's refusal of a prepared statement whose table gained or lost columns since it was parsed. */
export function isStaleResultType(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  return sqlState(error) === '0A000' && typeof message === 'string' && message.startsWith('cached plan must not change result type');
}

/**
 * Deadlock detected (40P01), serialization failure (40001), or a prepared write gone stale inside a transaction
 * (prepared-statements.ts names it afresh for the next attempt): the transaction may simply be run again.
 */
export function isRetryableConflict(error: unknown): boolean {
  const state = sqlState(error);
  return state === '40P01' || state === '40001' || isStaleResultType(error);
}
