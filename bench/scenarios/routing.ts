/**
 * Grid routing over 10k synthetic grids with the production index (src/services/geo/grid-index.ts:
 * flatbush + point-in-polygon-hao). Ceiling: the same flatbush search without the polygon test.
 */
import Flatbush from 'flatbush';
import { buildGridIndex, type IndexedGrid } from '../../src/services/geo/grid-index.ts';
import type { PolygonCoords, Position } from '../../src/domain/geo/geo-types.ts';
import { createRandom } from '../../src/services/seed/seeded-random.ts';

const SIDE = 100; // 100 × 100 = 10,000 grids
const EDGE_POINTS = 11; // points inside each edge: 4 corners + 4 × 11 = 48 vertices, like the stack test's 49
const BOX = { west: 125.0, south: 43.6, east: 125.6, north: 44.1 };

/** A lattice of jittered corners; each edge bends by a deterministic wobble shared by both neighbours. */
function buildPolygons(): PolygonCoords[] {
  const random = createRandom(7);
  const dx = (BOX.east - BOX.west) / SIDE;
  const dy = (BOX.north - BOX.south) / SIDE;
  const corner: Position[][] = [];
  for (let i = 0; i <= SIDE; i += 1) {
    corner.push([]);
    for (let j = 0; j <= SIDE; j += 1) {
      const inner = i > 0 && i < SIDE && j > 0 && j < SIDE;
      corner[i]!.push([BOX.west + i * dx + (inner ? (random.next() - 0.5) * dx * 0.3 : 0), BOX.south + j * dy + (inner ? (random.next() - 0.5) * dy * 0.3 : 0)]);
    }
  }
  const edge = (a: Position, b: Position, seed: number): Position[] => {
    const r = createRandom(seed);
    const points: Position[] = [];
    for (let k = 1; k <= EDGE_POINTS; k += 1) {
      const t = k / (EDGE_POINTS + 1);
      const wobble = (r.next() - 0.5) * 0.1 * Math.sin(Math.PI * t);
      points.push([a[0] + (b[0] - a[0]) * t - (b[1] - a[1]) * wobble, a[1] + (b[1] - a[1]) * t + (b[0] - a[0]) * wobble]);
    }
    return points;
  };
  // Edges are generated once in a canonical direction and reversed for the neighbour.
  const horizontal = (i: number, j: number) => edge(corner[i]![j]!, corner[i + 1]![j]!, 1_000_000 + i * 1000 + j);
  const vertical = (i: number, j: number) => edge(corner[i]![j]!, corner[i]![j + 1]!, 2_000_000 + i * 1000 + j);
  const polygons: PolygonCoords[] = [];
  for (let i = 0; i < SIDE; i += 1) {
    for (let j = 0; j < SIDE; j += 1) {
      const ring: Position[] = [
        corner[i]![j]!, ...horizontal(i, j), corner[i + 1]![j]!, ...vertical(i + 1, j), corner[i + 1]![j + 1]!,
        ...horizontal(i, j + 1).reverse(), corner[i]![j + 1]!, ...vertical(i, j).reverse(), corner[i]![j]!,
      ];
      polygons.push([ring]);
    }
  }
  return polygons;
}

/** Lookups per second over `points` random points (about 5% outside every grid). */
export function routing(points: number) {
  const polygons = buildPolygons();
  const grids = polygons.map((polygon, n) => ({
    grid: { gridId: n + 1, code: String(n).padStart(15, '0'), districtId: 1, streetId: 1, communityId: 1, responsibleDepartmentId: null } as IndexedGrid,
    polygons: [polygon],
  }));
  let start = performance.now();
  const index = buildGridIndex(grids);
  const buildMs = performance.now() - start;
  const random = createRandom(11);
  const padX = (BOX.east - BOX.west) * 0.025;
  const padY = (BOX.north - BOX.south) * 0.025;
  const xs = new Float64Array(points);
  const ys = new Float64Array(points);
  for (let i = 0; i < points; i += 1) {
    xs[i] = BOX.west - padX + random.next() * (BOX.east - BOX.west + 2 * padX);
    ys[i] = BOX.south - padY + random.next() * (BOX.north - BOX.south + 2 * padY);
  }
  let found = 0;
  start = performance.now();
  for (let i = 0; i < points; i += 1) if (index.locate([xs[i]!, ys[i]!])) found += 1;
  const locateMs = performance.now() - start;
  // Ceiling: the bounding-box search alone over the same boxes.
  const tree = new Flatbush(polygons.length);
  for (const polygon of polygons) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of polygon[0]!) {
      minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
    }
    tree.add(minX, minY, maxX, maxY);
  }
  tree.finish();
  let candidates = 0;
  start = performance.now();
  for (let i = 0; i < points; i += 1) candidates += tree.search(xs[i]!, ys[i]!, xs[i]!, ys[i]!).length;
  const bboxMs = performance.now() - start;
  return {
    grids: index.size, verticesPerGrid: polygons[0]![0]!.length, points, found, buildMs,
    perSecond: points / (locateMs / 1000), ceilingPerSecond: points / (bboxMs / 1000), candidatesPerPoint: candidates / points,
  };
}
