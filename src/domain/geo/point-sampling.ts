/**
 * Drawing a random point strictly inside a polygon (the demo's case locations): rejection sampling
 * inside the bounding box, weighted by polygon area for multipolygons. The random source is passed in,
 * so the demo stays reproducible and this stays pure.
 */
import { polygonsOf, type GridGeometry, type PolygonCoords, type Position } from './geo-types.ts';
import { bboxOfPolygon, interiorPoint, pointInPolygon, ringArea2 } from './polygon-math.ts';

/** Grids are convex-ish; 200 tries fail only for slivers, which then get their interior point. */
const MAX_TRIES = 200;

function samplePolygon(polygon: PolygonCoords, next: () => number): Position | null {
  const [minX, minY, maxX, maxY] = bboxOfPolygon(polygon);
  for (let i = 0; i < MAX_TRIES; i += 1) {
    // Rounded to 1e-6° (≈ 0.1 m), as a phone reports it; re-checked after rounding.
    const point: Position = [round6(minX + next() * (maxX - minX)), round6(minY + next() * (maxY - minY))];
    if (pointInPolygon(point, polygon) === 'inside') return point;
  }
  return interiorPoint(polygon);
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * A random [lng, lat] strictly inside the geometry (not on an edge, so it routes to this grid alone).
 * @param next uniform random numbers in [0, 1)
 * @example samplePointInGeometry({ type: 'Polygon', coordinates: [[[125, 43], [125.01, 43], [125.01, 43.01], [125, 43.01], [125, 43]]] }, () => 0.5) // => [125.005, 43.005]
 */
export function samplePointInGeometry(geometry: GridGeometry, next: () => number): Position | null {
  const polygons = polygonsOf(geometry);
  const areas = polygons.map((polygon) => Math.abs(ringArea2(polygon[0] ?? [])));
  const total = areas.reduce((sum, area) => sum + area, 0);
  let roll = next() * total;
  const index = areas.findIndex((area) => (roll -= area) < 0);
  return samplePolygon(polygons[index === -1 ? polygons.length - 1 : index]!, next);
}
