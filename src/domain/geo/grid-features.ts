/**
 * Checking a grid GeoJSON FeatureCollection before anything is imported: structure, codes,
 * geometry and overlaps, every problem with its feature index (0-based), so an import is
 * all or nothing. Property names are documented in docs/grids.md.
 */
import { checkCodeHierarchy, parseGridCode } from '../org/index.ts';
import { CHINA_BBOX, polygonsOf, type GridGeometry, type PolygonCoords, type Position } from './geo-types.ts';
import { bboxOfPolygon, polygonsOverlap, ringProblems } from './polygon-math.ts';

/** One grid as the file describes it, after checks. */
export interface GridFeature {
  index: number;
  code: string;
  name: string;
  districtCode: string;
  streetCode: string;
  streetName: string | null;
  communityCode: string;
  communityName: string | null;
  geometry: GridGeometry;
}

/** One problem; index is the feature's position in `features`, null for the collection itself. */
export interface GridImportProblem {
  index: number | null;
  code?: string;
  problem: string;
  detail?: string;
}

const MAX_FEATURES = 20_000;
const MAX_VERTICES_PER_GRID = 5_000;
const MAX_NAME = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && (value.length === 2 || value.length === 3)
    && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function readPolygon(value: unknown): PolygonCoords | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  for (const ring of value) if (!Array.isArray(ring) || !ring.every(isPosition)) return null;
  return (value as number[][][]).map((ring) => ring.map((p) => [p[0]!, p[1]!] as Position));
}

/** Reads and checks a geometry; pushes problems and returns null when unusable. */
function readGeometry(value: unknown, index: number, code: string | undefined, problems: GridImportProblem[]): GridGeometry | null {
  const at = (problem: string, detail?: string) => problems.push({ index, ...(code ? { code } : {}), problem, ...(detail ? { detail } : {}) });
  if (!isRecord(value)) { at('GEOMETRY_MISSING'); return null; }
  let geometry: GridGeometry | null = null;
  if (value.type === 'Polygon') {
    const polygon = readPolygon(value.coordinates);
    if (polygon) geometry = { type: 'Polygon', coordinates: polygon };
  } else if (value.type === 'MultiPolygon') {
    const list = Array.isArray(value.coordinates) && value.coordinates.length > 0 ? value.coordinates.map(readPolygon) : [null];
    if (list.every((p) => p !== null)) geometry = { type: 'MultiPolygon', coordinates: list as PolygonCoords[] };
  } else {
    at('GEOMETRY_TYPE_UNSUPPORTED', `type=${String(value.type)}; Polygon or MultiPolygon`);
    return null;
  }
  if (!geometry) { at('COORDINATES_INVALID', 'arrays of [lng, lat] numbers expected'); return null; }
  let vertices = 0;
  let ok = true;
  polygonsOf(geometry).forEach((polygon, p) => {
    polygon.forEach((ring, r) => {
      vertices += ring.length;
      for (const problem of ringProblems(ring)) { at(problem, `polygon ${p}, ring ${r}`); ok = false; }
      const outside = ring.find(([lng, lat]) => lng < CHINA_BBOX[0] || lng > CHINA_BBOX[2] || lat < CHINA_BBOX[1] || lat > CHINA_BBOX[3]);
      if (outside) { at('OUTSIDE_CHINA', `[${outside[0]}, ${outside[1]}] is outside 73–136°E, 3–54°N`); ok = false; }
    });
  });
  if (vertices > MAX_VERTICES_PER_GRID) { at('TOO_MANY_VERTICES', `${vertices} > ${MAX_VERTICES_PER_GRID}`); ok = false; }
  return ok ? geometry : null;
}

function optionalCode(props: Record<string, unknown>, key: string): string | undefined {
  const value = props[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function optionalName(props: Record<string, unknown>, key: string): string | null {
  const value = props[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, MAX_NAME) : null;
}

/** Reads one feature; returns it when it has no problems. */
function readFeature(raw: unknown, index: number, problems: GridImportProblem[]): GridFeature | null {
  if (!isRecord(raw) || raw.type !== 'Feature') { problems.push({ index, problem: 'FEATURE_INVALID', detail: 'type "Feature" expected' }); return null; }
  const props = isRecord(raw.properties) ? raw.properties : {};
  const code = optionalCode(props, 'code');
  const before = problems.length;
  const at = (problem: string, detail?: string) => problems.push({ index, ...(code ? { code } : {}), problem, ...(detail ? { detail } : {}) });
  const name = optionalName(props, 'name');
  if (!code) at('CODE_MISSING');
  if (!name) at('NAME_MISSING');
  if (name && /[<>]/.test(name)) at('NAME_INVALID', 'no markup');
  const parsed = code ? parseGridCode(code) : null;
  if (code && !parsed) at('GRID_CODE_MALFORMED', '15 digits: community (12) + sequence 001–999');
  if (parsed) {
    for (const problem of checkCodeHierarchy({
      districtCode: optionalCode(props, 'districtCode'), streetCode: optionalCode(props, 'streetCode'),
      communityCode: optionalCode(props, 'communityCode'), gridCode: code,
    })) at(problem);
  }
  for (const key of ['communityName', 'streetName']) {
    const value = optionalName(props, key);
    if (value && /[<>]/.test(value)) at('NAME_INVALID', `${key}: no markup`);
  }
  const geometry = readGeometry(raw.geometry, index, code, problems);
  if (problems.length > before || !parsed || !geometry || !name || !code) return null;
  return {
    index, code, name, geometry,
    districtCode: parsed.districtCode, streetCode: parsed.streetCode, communityCode: parsed.communityCode,
    streetName: optionalName(props, 'streetName'), communityName: optionalName(props, 'communityName'),
  };
}

/** Grids already stored that the file does not replace, to check new geometry against. */
export interface StoredGridGeometry { code: string; geometry: GridGeometry }

/**
 * Checks a whole FeatureCollection: every feature, duplicate codes, and overlaps among the
 * features and with stored grids the file does not replace.
 * @returns the good features and every problem; import only when `problems` is empty
 * @example parseGridFeatureCollection({ type: 'FeatureCollection', features: [] }).problems // => [{ index: null, problem: 'NO_FEATURES' }]
 */
export function parseGridFeatureCollection(input: unknown, stored: readonly StoredGridGeometry[] = []): { features: GridFeature[]; problems: GridImportProblem[] } {
  const problems: GridImportProblem[] = [];
  if (!isRecord(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { features: [], problems: [{ index: null, problem: 'FEATURE_COLLECTION_INVALID', detail: 'a GeoJSON FeatureCollection is expected' }] };
  }
  if (input.features.length === 0) return { features: [], problems: [{ index: null, problem: 'NO_FEATURES' }] };
  if (input.features.length > MAX_FEATURES) {
    return { features: [], problems: [{ index: null, problem: 'TOO_MANY_FEATURES', detail: `${input.features.length} > ${MAX_FEATURES}` }] };
  }
  const features: GridFeature[] = [];
  const firstIndexOf = new Map<string, number>();
  input.features.forEach((raw, index) => {
    const feature = readFeature(raw, index, problems);
    const code = isRecord(raw) && isRecord(raw.properties) ? optionalCode(raw.properties, 'code') : undefined;
    if (code) {
      const first = firstIndexOf.get(code);
      if (first !== undefined) problems.push({ index, code, problem: 'DUPLICATE_CODE', detail: `same code as feature ${first}` });
      else firstIndexOf.set(code, index);
    }
    if (feature) features.push(feature);
  });
  const replaced = new Set(features.map((f) => f.code));
  const others = stored.filter((grid) => !replaced.has(grid.code)).map((grid) => ({ index: null as number | null, code: grid.code, geometry: grid.geometry }));
  problems.push(...findOverlaps([...features.map((f) => ({ index: f.index as number | null, code: f.code, geometry: f.geometry })), ...others]));
  return { features, problems };
}

interface Shape { index: number | null; code: string; geometry: GridGeometry }

/** Overlapping pairs that involve at least one feature of the file (sweep over box x-ranges). */
function findOverlaps(shapes: Shape[]): GridImportProblem[] {
  const parts = shapes.flatMap((shape) => polygonsOf(shape.geometry).map((polygon) => ({ shape, polygon, box: bboxOfPolygon(polygon) })));
  parts.sort((a, b) => a.box[0] - b.box[0]);
  const problems: GridImportProblem[] = [];
  const reported = new Set<string>();
  for (let i = 0; i < parts.length; i += 1) {
    const a = parts[i]!;
    for (let j = i + 1; j < parts.length && parts[j]!.box[0] <= a.box[2]; j += 1) {
      const b = parts[j]!;
      if (a.shape === b.shape || (a.shape.index === null && b.shape.index === null)) continue;
      if (b.box[1] > a.box[3] || a.box[1] > b.box[3]) continue;
      const key = [a.shape.code, b.shape.code].sort().join('|');
      if (reported.has(key) || !polygonsOverlap(a.polygon, b.polygon)) continue;
      reported.add(key);
      // Report on the later feature of the file (the earlier one may be fine by itself).
      const aIsMine = b.shape.index === null || (a.shape.index !== null && a.shape.index > b.shape.index);
      const [mine, other] = aIsMine ? [a.shape, b.shape] : [b.shape, a.shape];
      const where = other.index === null ? `stored grid ${other.code}` : `feature ${other.index} (${other.code})`;
      problems.push({ index: mine.index, code: mine.code, problem: 'GRIDS_OVERLAP', detail: `overlaps ${where}` });
    }
  }
  return problems;
}
