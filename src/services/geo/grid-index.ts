/**
 * The in-process spatial index over grid polygons: flatbush over bounding boxes, then an exact
 * point-in-polygon test (point-in-polygon-hao, through polygon-math). Built lazily per database, cached, rebuilt after
 * an import in this process and at most a minute stale for imports made by other instances.
 */
import Flatbush from 'flatbush';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listGridGeometries } from '../../db/repositories/geo/grid-repository.ts';
import { polygonsOf, type PolygonCoords, type Position } from '../../domain/geo/geo-types.ts';
import { bboxOfPolygon, distanceToPolygonMeters, pointInPolygon } from '../../domain/geo/polygon-math.ts';

export interface IndexedGrid {
  gridId: number;
  code: string;
  districtId: number;
  streetId: number;
  communityId: number;
  responsibleDepartmentId: number | null;
}

export interface GridIndex {
  /** How many grids have geometry. */
  size: number;
  /** The grid containing the point (on a shared edge: the first by code), or null. */
  locate(point: Position): IndexedGrid | null;
  /** The grid nearest the point within maxMeters, or null. */
  nearest(point: Position, maxMeters: number): { grid: IndexedGrid; meters: number } | null;
}

const METERS_PER_DEGREE = 111_320;
const REFRESH_MS = 60_000;

/** Builds an index from grids with their polygons. */
export function buildGridIndex(grids: { grid: IndexedGrid; polygons: PolygonCoords[] }[]): GridIndex {
  const parts = grids.flatMap(({ grid, polygons }) => polygons.map((polygon) => ({ grid, polygon })));
  if (parts.length === 0) return { size: 0, locate: () => null, nearest: () => null };
  const tree = new Flatbush(parts.length);
  for (const part of parts) {
    const [minX, minY, maxX, maxY] = bboxOfPolygon(part.polygon);
    tree.add(minX, minY, maxX, maxY);
  }
  tree.finish();
  return {
    size: grids.length,
    locate([lng, lat]) {
      const hits = tree.search(lng, lat, lng, lat).sort((a, b) => a - b);
      for (const hit of hits) {
        const part = parts[hit]!;
        if (pointInPolygon([lng, lat], part.polygon) !== 'outside') return part.grid;
      }
      return null;
    },
    nearest(point, maxMeters) {
      const maxDegrees = maxMeters / (METERS_PER_DEGREE * Math.max(0.1, Math.cos((point[1] * Math.PI) / 180)));
      let best: { grid: IndexedGrid; meters: number } | null = null;
      for (const hit of tree.neighbors(point[0], point[1], 32, maxDegrees)) {
        const part = parts[hit]!;
        const meters = distanceToPolygonMeters(point, part.polygon);
        if (meters <= maxMeters && (!best || meters < best.meters)) best = { grid: part.grid, meters };
      }
      return best;
    },
  };
}

interface CacheEntry { index: Promise<GridIndex>; builtAt: number }
const cache = new WeakMap<Kysely<Database>, CacheEntry>();

async function loadIndex(db: Kysely<Database>): Promise<GridIndex> {
  const rows = await listGridGeometries(db);
  return buildGridIndex(rows.map((row) => ({
    grid: {
      gridId: row.id, code: row.code, districtId: row.district_id, streetId: row.street_id, communityId: row.community_id,
      responsibleDepartmentId: row.responsible_department_id,
    },
    polygons: polygonsOf(row.geometry),
  })));
}

/** The cached index for this database, built on first use. */
export async function getGridIndex(db: Kysely<Database>): Promise<GridIndex> {
  const entry = cache.get(db);
  if (entry && performance.now() - entry.builtAt < REFRESH_MS) return entry.index;
  const index = loadIndex(db);
  cache.set(db, { index, builtAt: performance.now() });
  index.catch(() => cache.delete(db));
  return index;
}

/** Drops the cached index so the next lookup rebuilds it (after an import). */
export function invalidateGridIndex(db: Kysely<Database>): void {
  cache.delete(db);
}
