import type { ErrorCode } from '../shared/error-codes.ts';

/** A rule was broken; the code names which. The HTTP layer maps it through the error catalog. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}
