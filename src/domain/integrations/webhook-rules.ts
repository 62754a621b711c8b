/**
 * Webhooks for partner systems (the city's 12345 platform, a department's own system): which events
 * exist, how a delivery is signed, and how long a failed delivery waits before the next attempt.
 * Pure: the caller passes the clock's time and the secrets.
 */
import { CASE_ACTIONS } from '../case/index.ts';

/** Event kinds are the timeline actions, prefixed: `case.report`, `case.dispatch`, `case.check_pass` … `*` means all. */
export const WEBHOOK_EVENT_PREFIX = 'case.';
export const ALL_EVENTS = '*';

/** Every kind a webhook may ask for: `*`, then `case.<action>` for each timeline action (the admin page offers these). */
export const WEBHOOK_EVENT_KINDS: readonly string[] = [
  ALL_EVENTS, ...['report', 'attach', 'open311_update', 'relocate', ...CASE_ACTIONS].map((action) => `${WEBHOOK_EVENT_PREFIX}${action}`),
];

/** @example webhookEventKind('dispatch') // => 'case.dispatch' */
export function webhookEventKind(action: string): string {
  return `${WEBHOOK_EVENT_PREFIX}${action}`;
}

/** @example wantsEvent(['case.check_pass'], 'case.check_pass') // => true */
export function wantsEvent(subscribed: readonly string[], kind: string): boolean {
  return subscribed.includes(ALL_EVENTS) || subscribed.includes(kind);
}

/**
 * How long to wait after the `failures`-th failed attempt: base, 2·base, 4·base … capped at an hour.
 * @example webhookRetryDelayMs(1, 30_000) // => 30000
 * @example webhookRetryDelayMs(3, 30_000) // => 120000
 */
export function webhookRetryDelayMs(failures: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(failures - 1, 0), 3_600_000);
}

export type WebhookUrlProblem = 'not_http' | 'credentials' | 'self';

/**
 * What is wrong with a target URL, before any address lookup: only http(s), no user:password in it, and
 * not this server itself (a delivery to ourselves would loop).
 * @example webhookUrlProblem('mailto:ops@example.org', []) // => 'not_http'
 */
export function webhookUrlProblem(url: string, ownOrigins: readonly string[]): WebhookUrlProblem | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not_http';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not_http';
  if (parsed.username || parsed.password) return 'credentials';
  const own = ownOrigins.map((origin) => new URL(origin));
  if (own.some((o) => o.hostname === parsed.hostname && (o.port || defaultPort(o)) === (parsed.port || defaultPort(parsed)))) return 'self';
  return null;
}

function defaultPort(url: URL): string {
  return url.protocol === 'https:' ? '443' : '80';
}
