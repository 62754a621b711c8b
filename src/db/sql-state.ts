/**
 * The SQLSTATE of a database error, the same on `pg` and PGlite (both put it on `code`): the one place
 * that knows how a driver reports it.
 */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Deadlock detected (40P01) or serialization failure (40001): the transaction may simply be run again. */
export function isRetryableConflict(error: unknown): boolean {
  const state = sqlState(error);
  return state === '40P01' || state === '40001';
}
