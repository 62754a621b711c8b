import { describe, expect, it } from 'vitest';
import { buildGridIndex, type IndexedGrid } from './grid-index.ts';
import { toWgs84 } from './grid-routing.ts';
import type { PolygonCoords } from '../../domain/geo/geo-types.ts';

const square = (x: number, y: number, size = 0.01): PolygonCoords => [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]];
const grid = (gridId: number, code: string): IndexedGrid => ({ gridId, code, districtId: 1, streetId: 1, communityId: 1, responsibleDepartmentId: null });

describe('grid index', () => {
  const index = buildGridIndex([
    { grid: grid(1, 'a'), polygons: [square(125.3, 43.9)] },
    { grid: grid(2, 'b'), polygons: [square(125.31, 43.9)] },
    { grid: grid(3, 'c'), polygons: [square(125.4, 43.9), square(125.5, 43.9)] },
  ]);
  it('finds the grid under a point, the first one on a shared edge, and nothing outside', () => {
    expect(index.locate([125.305, 43.905])?.code).toBe('a');
    expect(index.locate([125.315, 43.905])?.code).toBe('b');
    expect(index.locate([125.31, 43.905])?.code).toBe('a');
    expect(index.locate([125.505, 43.905])?.code).toBe('c');
    expect(index.locate([125.35, 43.905])).toBeNull();
  });
  it('finds the nearest grid within a distance', () => {
    const near = index.nearest([125.325, 43.905], 5000);
    expect(near?.grid.code).toBe('b');
    expect(near!.meters).toBeGreaterThan(350);
    expect(near!.meters).toBeLessThan(450);
    expect(index.nearest([126.5, 43.905], 5000)).toBeNull();
  });
  it('is empty without polygons', () => {
    const empty = buildGridIndex([]);
    expect(empty.size).toBe(0);
    expect(empty.locate([125, 43])).toBeNull();
  });
});

describe('GCJ-02 input', () => {
  it('moves a Changchun point by a few hundred metres and leaves WGS84 alone', () => {
    const wgs = toWgs84({ lat: 43.9, lng: 125.3 }, 'gcj02');
    expect(wgs.lng).toBeLessThan(125.3);
    expect(Math.abs(wgs.lat - 43.9) + Math.abs(wgs.lng - 125.3)).toBeGreaterThan(0.003);
    expect(toWgs84({ lat: 43.9, lng: 125.3 }, 'wgs84')).toEqual({ lat: 43.9, lng: 125.3 });
  });
});
