/**
 * Pure planar geometry on lng/lat polygons: ring checks, segment crossing, point-in-polygon,
 * overlap between polygons and distance from a point to a polygon. Grids are a few hundred
 * metres across, so treating degrees as a plane (with a cos(lat) scale for distances) is
 * accurate enough for validation and "nearest grid within 5 km".
 */
import haoPointInPolygon from 'point-in-polygon-hao';
import type { BBox, PolygonCoords, Position, Ring } from './geo-types.ts';

const EPS = 1e-12;
const EARTH_RADIUS_M = 6_371_008.8;

/** Machine codes for what can be wrong with one ring. */
export type RingProblem = 'RING_TOO_SHORT' | 'RING_NOT_CLOSED' | 'RING_SELF_INTERSECTS' | 'RING_ZERO_AREA';

/** Twice the signed area of a ring (positive when counter-clockwise). */
export function ringArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

function cross(o: Position, a: Position, b: Position): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function onSegment(p: Position, a: Position, b: Position): boolean {
  return Math.abs(cross(a, b, p)) <= EPS
    && Math.min(a[0], b[0]) - EPS <= p[0] && p[0] <= Math.max(a[0], b[0]) + EPS
    && Math.min(a[1], b[1]) - EPS <= p[1] && p[1] <= Math.max(a[1], b[1]) + EPS;
}

/** True when segments ab and cd share any point (touching and collinear overlap count). */
export function segmentsTouch(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS))) return true;
  return onSegment(a, c, d) || onSegment(b, c, d) || onSegment(c, a, b) || onSegment(d, a, b);
}

/** True when segments ab and cd cross at a single interior point of both (touching does not count). */
export function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > EPS && d2 < -EPS) || (d1 < -EPS && d2 > EPS)) && ((d3 > EPS && d4 < -EPS) || (d3 < -EPS && d4 > EPS));
}

/**
 * Checks one ring: at least 4 positions, closed, non-zero area, and no two non-adjacent edges
 * touching (a figure-eight or a spike back along itself is a self-intersection).
 * @example ringProblems([[0,0],[1,0],[1,1],[0,0]]) // => []
 * @example ringProblems([[0,0],[1,1],[1,0],[0,1],[0,0]]) // => ['RING_SELF_INTERSECTS']
 */
export function ringProblems(ring: Ring): RingProblem[] {
  if (ring.length < 4) return ['RING_TOO_SHORT'];
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return ['RING_NOT_CLOSED'];
  const problems: RingProblem[] = [];
  if (Math.abs(ringArea2(ring)) <= EPS) problems.push('RING_ZERO_AREA');
  // Repeated consecutive positions add nothing; compare the distinct corners.
  const corners = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
  if (corners.length < 4) return [...problems, 'RING_TOO_SHORT'];
  const edges = corners.length - 1;
  outer: for (let i = 0; i < edges; i += 1) {
    for (let j = i + 1; j < edges; j += 1) {
      const [a, b, c, d] = [corners[i]!, corners[i + 1]!, corners[j]!, corners[j + 1]!];
      const adjacent = j === i + 1 || (i === 0 && j === edges - 1);
      if (adjacent) {
        // Two edges meeting at a corner must not fold back over each other (a spike).
        const [corner, p, q] = j === i + 1 ? [b, a, d] : [a, b, c];
        const collinear = Math.abs(cross(corner, p, q)) <= EPS;
        const sameSide = (p[0] - corner[0]) * (q[0] - corner[0]) + (p[1] - corner[1]) * (q[1] - corner[1]) > 0;
        if (collinear && sameSide) {
          problems.push('RING_SELF_INTERSECTS');
          break outer;
        }
        continue;
      }
      if (segmentsTouch(a, b, c, d)) {
        problems.push('RING_SELF_INTERSECTS');
        break outer;
      }
    }
  }
  return problems;
}

/** Where a point lies relative to a ring. */
export type RingSide = 'inside' | 'outside' | 'boundary';

/**
 * Inside the outer ring and not inside a hole; boundaries of either count as 'boundary'.
 * The one point-in-polygon test of the project: point-in-polygon-hao (DESIGN §8a), named.
 * @example pointInPolygon([125.305, 43.905], square) // 'inside'
 */
export function pointInPolygon(point: Position, polygon: PolygonCoords): RingSide {
  const side = haoPointInPolygon(point, polygon as number[][][]);
  return side === 0 ? 'boundary' : side ? 'inside' : 'outside';
}

export function bboxOfPolygon(polygon: PolygonCoords): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of polygon[0]!) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * A point strictly inside a polygon (scanline through the middle of its box), for overlap tests.
 * @returns null only for degenerate polygons
 */
export function interiorPoint(polygon: PolygonCoords): Position | null {
  const box = bboxOfPolygon(polygon);
  for (const fraction of [0.5, 0.37, 0.63, 0.21, 0.79]) {
    const y = box[1] + (box[3] - box[1]) * fraction;
    const xs: number[] = [];
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        const [a, b] = [ring[i]!, ring[i + 1]!];
        if ((a[1] > y) !== (b[1] > y)) xs.push(a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
      }
    }
    xs.sort((p, q) => p - q);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      if (xs[i + 1]! - xs[i]! > EPS) {
        const candidate: Position = [(xs[i]! + xs[i + 1]!) / 2, y];
        if (pointInPolygon(candidate, polygon) === 'inside') return candidate;
      }
    }
  }
  return null;
}

/**
 * True when two polygons share interior area. Shared edges and touching corners are fine
 * (neighbouring grids); crossing edges, a vertex inside the other, or one inside the other are not.
 */
export function polygonsOverlap(a: PolygonCoords, b: PolygonCoords): boolean {
  if (!bboxesIntersect(bboxOfPolygon(a), bboxOfPolygon(b))) return false;
  for (const ringA of a) {
    for (let i = 0; i + 1 < ringA.length; i += 1) {
      for (const ringB of b) {
        for (let j = 0; j + 1 < ringB.length; j += 1) {
          if (segmentsCross(ringA[i]!, ringA[i + 1]!, ringB[j]!, ringB[j + 1]!)) return true;
        }
      }
    }
  }
  for (const [x, y] of [[a, b], [b, a]] as const) {
    for (const vertex of x[0]!) if (pointInPolygon(vertex, y) === 'inside') return true;
    const inner = interiorPoint(x);
    if (inner && pointInPolygon(inner, y) === 'inside') return true;
  }
  return false;
}

/** Great-circle distance in metres. */
export function haversineMeters(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance in metres from a point to a polygon's boundary (0 when inside), on a local plane.
 * @example distanceToPolygonMeters([125.3, 43.9], square) // => 0 when inside
 */
export function distanceToPolygonMeters(point: Position, polygon: PolygonCoords): number {
  if (pointInPolygon(point, polygon) !== 'outside') return 0;
  const scale = Math.cos((point[1] * Math.PI) / 180);
  const toXY = (p: Position): [number, number] => [(p[0] - point[0]) * scale, p[1] - point[1]];
  let best = Infinity;
  for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i += 1) {
      const [ax, ay] = toXY(ring[i]!);
      const [bx, by] = toXY(ring[i + 1]!);
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) best = d;
    }
  }
  return best * (Math.PI / 180) * EARTH_RADIUS_M;
}
