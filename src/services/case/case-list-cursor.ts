/** The case list's keyset cursor: an opaque base64url token of where the previous page ended. */
import { DomainError } from '../../domain/errors.ts';
import type { CaseListPosition } from '../../db/repositories/case/index.ts';

export function encodeCaseCursor(position: CaseListPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

/** @throws DomainError VALIDATION_FAILED (`query.cursor`, `invalid_cursor`) for a token this list never gave out */
export function decodeCaseCursor(cursor: string): CaseListPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const createdAt = new Date(String(at));
    if (typeof at === 'string' && Number.isInteger(id) && (id as number) > 0 && !Number.isNaN(createdAt.getTime())) return { createdAt, id: id as number };
  } catch {
    // falls through to the error below
  }
  throw new DomainError('VALIDATION_FAILED', [{ path: 'query.cursor', code: 'invalid_cursor' }]);
}
