import { describe, expect, it } from 'vitest';
import { polygonProblems, subscriptionCovers } from './subscription-rules.ts';

const none = { case_id: null, street_id: null, grid_id: null, polygon: null, category_code: null };
const facts = { caseId: 5, kind: 'event', streetId: 2, gridId: 7, lat: 43.9, lng: 125.3, categoryCode: 'E0104' };
const square = [[[125.2, 43.8], [125.4, 43.8], [125.4, 44.0], [125.2, 44.0], [125.2, 43.8]]];

describe('subscription rules', () => {
  it('covers a case by its case, grid, street, category or a polygon around its point', () => {
    expect(subscriptionCovers({ ...none, target: 'case', case_id: 5 }, facts)).toBe(true);
    expect(subscriptionCovers({ ...none, target: 'grid', grid_id: 8 }, facts)).toBe(false);
    expect(subscriptionCovers({ ...none, target: 'street', street_id: 2 }, facts)).toBe(true);
    expect(subscriptionCovers({ ...none, target: 'category', category_code: 'E0104' }, facts)).toBe(true);
    expect(subscriptionCovers({ ...none, target: 'polygon', polygon: square }, facts)).toBe(true);
    expect(subscriptionCovers({ ...none, target: 'polygon', polygon: square }, { ...facts, lat: 45 })).toBe(false);
  });

  it('keeps 12345-style requests out of area subscriptions, not out of their own case', () => {
    const request = { ...facts, kind: 'citizen_request' };
    expect(subscriptionCovers({ ...none, target: 'grid', grid_id: 7 }, request)).toBe(false);
    expect(subscriptionCovers({ ...none, target: 'case', case_id: 5 }, request)).toBe(true);
  });

  it('refuses a self-intersecting polygon', () => {
    expect(polygonProblems(square)).toEqual([]);
    const bowTie = [[[125.2, 43.8], [125.4, 44.0], [125.4, 43.8], [125.2, 44.0], [125.2, 43.8]]];
    expect(polygonProblems(bowTie)).toContain('RING_SELF_INTERSECTS');
  });
});
