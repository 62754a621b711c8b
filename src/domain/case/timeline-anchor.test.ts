import { describe, expect, it } from 'vitest';
import { anchorMismatch, anchorPayload, type TimelineAnchor } from './timeline-anchor.ts';

const anchor: TimelineAnchor = { districtId: 7, chainSeq: 3, eventId: 12, hash: 'ab', anchoredAt: '2026-12-01T00:00:00.000Z' };

describe('timeline anchors', () => {
  it('signs every field, so changing any changes the payload', () => {
    const base = anchorPayload(anchor);
    for (const changed of [{ districtId: 8 }, { chainSeq: 4 }, { eventId: 13 }, { hash: 'ac' }, { anchoredAt: '2026-12-02T00:00:00.000Z' }]) {
      expect(anchorPayload({ ...anchor, ...changed })).not.toBe(base);
    }
  });

  it('holds when the anchored row is there with its hash, the chain having grown since', () => {
    expect(anchorMismatch(anchor, { headSeq: 3, row: { id: 12, hash: 'ab' } })).toBeNull();
    expect(anchorMismatch(anchor, { headSeq: 9, row: { id: 12, hash: 'ab' } })).toBeNull();
  });

  it('finds a chain cut back, a missing head, a missing row and a rewritten one', () => {
    expect(anchorMismatch(anchor, { headSeq: 2, row: undefined })).toContain('chain cut back');
    expect(anchorMismatch(anchor, { headSeq: null, row: { id: 12, hash: 'ab' } })).toContain('chain head missing');
    expect(anchorMismatch(anchor, { headSeq: 5, row: undefined })).toContain('missing');
    expect(anchorMismatch(anchor, { headSeq: 5, row: { id: 12, hash: 'ff' } })).toContain('re-hashed');
    expect(anchorMismatch(anchor, { headSeq: 5, row: { id: 11, hash: 'ab' } })).toContain('re-hashed');
  });
});
