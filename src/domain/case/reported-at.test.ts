import { describe, expect, it } from 'vitest';
import { REPORTED_AT_MAX_AGE_MS, reportedAtToKeep } from './reported-at.ts';

const received = new Date('2026-03-02T10:00:00Z');

describe('reportedAtToKeep', () => {
  it('keeps an earlier instant from the phone', () => {
    expect(reportedAtToKeep(new Date('2026-03-02T08:30:00Z'), received)).toEqual(new Date('2026-03-02T08:30:00Z'));
  });
  it('keeps nothing when none is given', () => {
    expect(reportedAtToKeep(undefined, received)).toBeNull();
  });
  it('clamps a phone clock slightly ahead to the receipt', () => {
    expect(reportedAtToKeep(new Date('2026-03-02T10:02:00Z'), received)).toEqual(received);
  });
  it('refuses an instant far in the future or older than the queue window', () => {
    expect(reportedAtToKeep(new Date('2026-03-02T11:00:00Z'), received)).toBe('invalid');
    expect(reportedAtToKeep(new Date(received.getTime() - REPORTED_AT_MAX_AGE_MS - 1), received)).toBe('invalid');
  });
});
