/**
 * Timeline anchors (ADR 0037): a district chain's position — how many rows (`chainSeq`) and the hash of the last —
 * at an instant, signed outside the database. What is signed, and how a chain is judged against an anchor.
 */

export interface TimelineAnchor {
  districtId: number;
  chainSeq: number;
  eventId: number;
  hash: string;
  /** ISO 8601 instant. */
  anchoredAt: string;
}

/**
 * The exact text an anchor's signature covers; the layout is part of the format (version 1).
 * @example anchorPayload({ districtId: 7, chainSeq: 3, eventId: 12, hash: 'ab', anchoredAt: '2026-12-01T00:00:00.000Z' })
 *   // 'civicloop-timeline-anchor/v1\n7\n3\n12\nab\n2026-12-01T00:00:00.000Z'
 */
export function anchorPayload(anchor: TimelineAnchor): string {
  return ['civicloop-timeline-anchor/v1', anchor.districtId, anchor.chainSeq, anchor.eventId, anchor.hash, anchor.anchoredAt].join('\n');
}

/** What the chain holds where an anchor points: the head's position and the row at the anchored seq, if any. */
export interface ChainAtAnchor {
  headSeq: number | null;
  row: { id: number; hash: string | null } | undefined;
}

/**
 * Why the chain does not hold what the anchor says, or null when it does.
 * @example anchorMismatch({ districtId: 7, chainSeq: 3, eventId: 12, hash: 'ab', anchoredAt: '2026-12-01T00:00:00.000Z' }, { headSeq: 2, row: undefined })
 *   // 'chain cut back: the head is at 2, an anchor of 2026-12-01T00:00:00.000Z saw 3 rows'
 */
export function anchorMismatch(anchor: TimelineAnchor, chain: ChainAtAnchor): string | null {
  if (chain.headSeq === null) return `chain head missing, an anchor of ${anchor.anchoredAt} saw ${anchor.chainSeq} rows`;
  if (chain.headSeq < anchor.chainSeq) return `chain cut back: the head is at ${chain.headSeq}, an anchor of ${anchor.anchoredAt} saw ${anchor.chainSeq} rows`;
  if (!chain.row) return `row ${anchor.chainSeq} of the chain is missing (anchored ${anchor.anchoredAt})`;
  if (chain.row.id !== anchor.eventId || chain.row.hash !== anchor.hash) {
    return `row ${anchor.chainSeq} of the chain is not the one anchored ${anchor.anchoredAt} (rewritten or re-hashed)`;
  }
  return null;
}
