import { describe, expect, it } from 'vitest';
import { distanceToPolygonMeters, pointInPolygon, polygonsOverlap, ringProblems } from './polygon-math.ts';
import { parseGridFeatureCollection } from './grid-features.ts';
import type { PolygonCoords } from './geo-types.ts';

const square = (x: number, y: number, size = 0.01): PolygonCoords => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];

describe('ring checks', () => {
  it('accepts a closed square and a triangle', () => {
    expect(ringProblems(square(125.3, 43.9)[0]!)).toEqual([]);
    expect(ringProblems([[125, 43], [125.1, 43], [125.1, 43.1], [125, 43]])).toEqual([]);
  });
  it('rejects short, open, bow-tie and spiked rings', () => {
    expect(ringProblems([[125, 43], [125.1, 43], [125, 43]])).toEqual(['RING_TOO_SHORT']);
    expect(ringProblems([[125, 43], [125.1, 43], [125.1, 43.1], [125, 43.1]])).toEqual(['RING_NOT_CLOSED']);
    expect(ringProblems([[125, 43], [125.1, 43.1], [125.1, 43], [125, 43.1], [125, 43]])).toContain('RING_SELF_INTERSECTS');
    expect(ringProblems([[125, 43], [125.2, 43], [125.1, 43], [125.1, 43.1], [125, 43]])).toContain('RING_SELF_INTERSECTS');
  });
});

describe('point in polygon and overlap', () => {
  it('tells inside, outside and boundary apart', () => {
    expect(pointInPolygon([125.305, 43.905], square(125.3, 43.9))).toBe('inside');
    expect(pointInPolygon([125.32, 43.905], square(125.3, 43.9))).toBe('outside');
    expect(pointInPolygon([125.3, 43.905], square(125.3, 43.9))).toBe('boundary');
  });
  it('treats a hole as outside and its edge as boundary', () => {
    const withHole: PolygonCoords = [square(125.3, 43.9, 0.1)[0]!, square(125.34, 43.94, 0.02)[0]!];
    expect(pointInPolygon([125.35, 43.95], withHole)).toBe('outside');
    expect(pointInPolygon([125.34, 43.95], withHole)).toBe('boundary');
    expect(pointInPolygon([125.31, 43.91], withHole)).toBe('inside');
  });
  it('lets neighbours share an edge but not area', () => {
    expect(polygonsOverlap(square(125.3, 43.9), square(125.31, 43.9))).toBe(false);
    expect(polygonsOverlap(square(125.3, 43.9), square(125.305, 43.905))).toBe(true);
    expect(polygonsOverlap(square(125.3, 43.9), square(125.3, 43.9))).toBe(true);
    expect(polygonsOverlap(square(125.3, 43.9, 0.1), square(125.32, 43.92))).toBe(true);
  });
  it('measures distance to a polygon in metres', () => {
    expect(distanceToPolygonMeters([125.305, 43.905], square(125.3, 43.9))).toBe(0);
    const d = distanceToPolygonMeters([125.305, 43.92], square(125.3, 43.9));
    expect(d).toBeGreaterThan(1050);
    expect(d).toBeLessThan(1180);
  });
});

describe('grid FeatureCollection checks', () => {
  const feature = (code: string, coordinates: unknown, extra: Record<string, unknown> = {}) => ({
    type: 'Feature', properties: { code, name: `网格${code.slice(-3)}`, ...extra }, geometry: { type: 'Polygon', coordinates },
  });
  it('accepts good grids and reports every problem with its index', () => {
    const good = parseGridFeatureCollection({ type: 'FeatureCollection', features: [feature('220106001001001', square(125.3, 43.9)), feature('220106001001002', square(125.31, 43.9))] });
    expect(good.problems).toEqual([]);
    const bad = parseGridFeatureCollection({
      type: 'FeatureCollection',
      features: [
        feature('220106001001001', square(125.3, 43.9)),
        feature('220106001001001', square(125.5, 43.9)),
        feature('22010600100100', square(125.6, 43.9)),
        feature('220106001001004', square(10, 43.9)),
        feature('220106001001005', [[[125, 43], [125.1, 43.1], [125.1, 43], [125, 43.1], [125, 43]]]),
        feature('220106001001006', square(125.305, 43.905)),
        feature('220106001001007', square(125.7, 43.9), { communityCode: '220106001002' }),
        { type: 'Feature', properties: { code: '220106001001008', name: 'x' }, geometry: { type: 'Point', coordinates: [125, 43] } },
      ],
    });
    const byIndex = bad.problems.map((p) => [p.index, p.problem]);
    expect(byIndex).toEqual(expect.arrayContaining([
      [1, 'DUPLICATE_CODE'], [2, 'GRID_CODE_MALFORMED'], [3, 'OUTSIDE_CHINA'], [4, 'RING_SELF_INTERSECTS'],
      [5, 'GRIDS_OVERLAP'], [6, 'GRID_NOT_IN_COMMUNITY'], [7, 'GEOMETRY_TYPE_UNSUPPORTED'],
    ]));
  });
  it('rejects what is not a FeatureCollection', () => {
    expect(parseGridFeatureCollection({ type: 'Feature' }).problems[0]).toMatchObject({ index: null, problem: 'FEATURE_COLLECTION_INVALID' });
  });
});
