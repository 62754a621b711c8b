/**
 * When a report was made, for a report queued on a phone without network and received later. The phone's clock
 * is trusted within bounds: a little ahead of the server (clocks drift), and not older than a patrol's queue.
 */

/** How far a phone's clock may run ahead of the server's. */
export const REPORTED_AT_MAX_AHEAD_MS = 5 * 60_000;
/** The oldest queued report accepted with its own time: a week offline. */
export const REPORTED_AT_MAX_AGE_MS = 7 * 24 * 3_600_000;

/**
 * The instant to keep as the report's own time, or null when there is none to keep (not given, or the same as receipt).
 * @returns 'invalid' when it lies outside the accepted window
 * @example
 * const received = new Date('2026-03-02T10:00:00Z');
 * reportedAtToKeep(new Date('2026-03-02T08:30:00Z'), received); // the 08:30 instant
 * reportedAtToKeep(new Date('2026-03-02T11:00:00Z'), received); // 'invalid'
 */
export function reportedAtToKeep(reportedAt: Date | undefined, receivedAt: Date): Date | null | 'invalid' {
  if (reportedAt === undefined) return null;
  const ahead = reportedAt.getTime() - receivedAt.getTime();
  if (ahead > REPORTED_AT_MAX_AHEAD_MS || -ahead > REPORTED_AT_MAX_AGE_MS) return 'invalid';
  // A phone slightly ahead reported "now": never keep an instant after the receipt.
  return ahead >= 0 ? receivedAt : reportedAt;
}
