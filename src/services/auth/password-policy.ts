/**
 * The password policy for passwords people choose (admin-created accounts, a changed password): at least
 * `PASSWORD_MIN_LENGTH` characters and not guessable — judged by zxcvbn-ts with its common-password and
 * common-word lists, the username and display name counted as guessable too. Demo seed accounts are not
 * chosen by anyone and are locked when demo mode is off.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../../domain/errors.ts';

export const PASSWORD_MIN_LENGTH = 10;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^8 guesses and more). */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;

/**
 * Refuses a password that is too short or too easy to guess.
 * @param context - words of the account (username, display name) that make a password guessable
 * @throws DomainError PASSWORD_TOO_WEAK with the reason (too_short, or zxcvbn's warning such as topTen, common)
 */
export function assertPasswordAcceptable(password: string, context: string[] = []): void {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    throw new DomainError('PASSWORD_TOO_WEAK', [{ path: 'password', code: 'too_short', minLength: PASSWORD_MIN_LENGTH }]);
  }
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result = estimator.check(password, context.filter(Boolean));
  if (result.score < MIN_SCORE) {
    throw new DomainError('PASSWORD_TOO_WEAK', [{ path: 'password', code: result.feedback.warning ?? 'guessable', minLength: PASSWORD_MIN_LENGTH }]);
  }
}
