/**
 * The outline of a set of polygons that tile an area (a street's grids): the edges that belong to one
 * polygon only, since an edge shared by two neighbours is inside the area. No geometry union needed for
 * grids laid edge to edge; where neighbours' edges do not coincide the line is drawn twice, which only shows.
 */
import type { PolygonCoords, Position } from './geo-types.ts';

function edgeKey(a: Position, b: Position): string {
  const [p, q] = a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]) ? [a, b] : [b, a];
  return `${p[0]},${p[1]};${q[0]},${q[1]}`;
}

/**
 * The outer edges of the polygons, each as a two-point line.
 * @example outlineEdges([[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]]).length // => 6
 */
export function outlineEdges(polygons: readonly PolygonCoords[]): [Position, Position][] {
  const edges = new Map<string, { line: [Position, Position]; count: number }>();
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        const key = edgeKey(ring[i]!, ring[i + 1]!);
        const seen = edges.get(key);
        if (seen) seen.count += 1;
        else edges.set(key, { line: [ring[i]!, ring[i + 1]!], count: 1 });
      }
    }
  }
  return [...edges.values()].filter((edge) => edge.count === 1).map((edge) => edge.line);
}
