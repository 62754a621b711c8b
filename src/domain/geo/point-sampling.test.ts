import { describe, expect, it } from 'vitest';
import { samplePointInGeometry } from './point-sampling.ts';
import { outlineEdges } from './outline.ts';
import { pointInPolygon } from './polygon-math.ts';
import { createRandom } from '../../services/seed/seeded-random.ts';
import type { PolygonCoords } from './geo-types.ts';

const triangle: PolygonCoords = [[[125.3, 43.9], [125.31, 43.9], [125.3, 43.91], [125.3, 43.9]]];

describe('sampling a point inside a grid', () => {
  it('draws points strictly inside, also in a triangle and in the parts of a multipolygon', () => {
    const random = createRandom(7);
    for (let i = 0; i < 200; i += 1) {
      const point = samplePointInGeometry({ type: 'Polygon', coordinates: triangle }, random.next)!;
      expect(pointInPolygon(point, triangle)).toBe('inside');
    }
    const other: PolygonCoords = [[[126, 44], [126.01, 44], [126.01, 44.01], [126, 44.01], [126, 44]]];
    const points = Array.from({ length: 100 }, () => samplePointInGeometry({ type: 'MultiPolygon', coordinates: [triangle, other] }, random.next)!);
    expect(points.some((p) => pointInPolygon(p, other) === 'inside')).toBe(true);
    expect(points.some((p) => pointInPolygon(p, triangle) === 'inside')).toBe(true);
    expect(points.every((p) => pointInPolygon(p, other) === 'inside' || pointInPolygon(p, triangle) === 'inside')).toBe(true);
  });
});

describe('the outline of neighbouring grids', () => {
  it('keeps the edges that belong to one grid only', () => {
    const square = (x: number): PolygonCoords => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
    const edges = outlineEdges([square(0), square(1)]);
    expect(edges).toHaveLength(6);
    expect(edges.some(([a, b]) => a[0] === 1 && b[0] === 1)).toBe(false);
  });
});
