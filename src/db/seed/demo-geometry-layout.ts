/**
 * Synthetic grid polygons for the demo districts (DESIGN §3, §9): NOT real boundaries. Each
 * district's approximate box is cut into street blocks, each block into community bands, each
 * band into rows of grid cells; cut lines are jittered deterministically so the map looks like
 * a map, and neighbours share edges exactly, so no two grids overlap.
 */
import type { BBox, PolygonCoords } from '../../domain/geo/index.ts';

export interface LayoutCommunity { code: string; gridCodes: string[] }
export interface LayoutStreet { code: string; communities: LayoutCommunity[] }

/** Approximate areas (WGS84) of the demo districts; 宽城区 starts north of the other two so they do not overlap. */
export const DEMO_DISTRICT_BOXES: Record<string, BBox> = {
  '220106': [125.2, 43.85, 125.32, 43.93], // 绿园区
  '220105': [125.36, 43.83, 125.55, 43.93], // 二道区
  '220103': [125.25, 43.93, 125.4, 44.05], // 宽城区
};

const COS_LAT = Math.cos((43.9 * Math.PI) / 180);

/** mulberry32: a small deterministic generator, seeded from a string. */
function randomFrom(seedText: string): () => number {
  let seed = 2166136261;
  for (const ch of seedText) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Cuts [from, to] into pieces by weight, each inner cut moved by up to ±jitter of a piece. */
function cuts(from: number, to: number, weights: number[], random: () => number, jitter = 0.25): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const points = [from];
  let acc = 0;
  for (let i = 0; i < weights.length - 1; i += 1) {
    acc += weights[i]!;
    const span = ((to - from) * Math.min(weights[i]!, weights[i + 1]!)) / total;
    points.push(round6(from + ((to - from) * acc) / total + (random() - 0.5) * 2 * jitter * span));
  }
  points.push(to);
  return points.map(round6);
}

function rectangle(x0: number, y0: number, x1: number, y1: number): PolygonCoords {
  return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]];
}

/** Splits n items into rows of nearly equal length. */
function rowLengths(n: number, rows: number): number[] {
  return Array.from({ length: rows }, (_, i) => Math.floor(n / rows) + (i < n % rows ? 1 : 0));
}

/**
 * Lays out every grid of a district inside its box.
 * @returns polygon per grid code
 * @example layoutDistrict([125, 43, 125.1, 43.1], [{ code: 's', communities: [{ code: 'c', gridCodes: ['g1', 'g2'] }] }]).size // => 2
 */
export function layoutDistrict(box: BBox, streets: LayoutStreet[]): Map<string, PolygonCoords> {
  const result = new Map<string, PolygonCoords>();
  const live = streets.filter((s) => s.communities.some((c) => c.gridCodes.length > 0));
  if (live.length === 0) return result;
  const random = randomFrom(live.map((s) => s.code).join());
  const weightOf = (street: LayoutStreet) => street.communities.reduce((sum, c) => sum + c.gridCodes.length, 0);
  const columns = Math.ceil(Math.sqrt(live.length));
  const streetRows: LayoutStreet[][] = [];
  for (let i = 0; i < live.length; i += columns) streetRows.push(live.slice(i, i + columns));
  const ys = cuts(box[3], box[1], streetRows.map((row) => row.reduce((sum, s) => sum + weightOf(s), 0)), random);
  streetRows.forEach((row, r) => {
    const xs = cuts(box[0], box[2], row.map(weightOf), random);
    row.forEach((street, s) => {
      const communities = street.communities.filter((c) => c.gridCodes.length > 0);
      const bands = cuts(ys[r]!, ys[r + 1]!, communities.map((c) => c.gridCodes.length), random);
      communities.forEach((community, c) => {
        const [x0, x1, top, bottom] = [xs[s]!, xs[s + 1]!, bands[c]!, bands[c + 1]!];
        const n = community.gridCodes.length;
        const widthM = (x1 - x0) * COS_LAT;
        const heightM = Math.abs(top - bottom);
        const rows = Math.max(1, Math.min(n, Math.round(Math.sqrt((n * heightM) / Math.max(widthM, 1e-9)))));
        const lengths = rowLengths(n, rows);
        const rowYs = cuts(top, bottom, lengths, random, 0.2);
        let next = 0;
        lengths.forEach((length, k) => {
          const cellXs = cuts(x0, x1, Array.from({ length }, () => 1), random, 0.3);
          for (let i = 0; i < length; i += 1) {
            const [ya, yb] = [rowYs[k]!, rowYs[k + 1]!];
            result.set(community.gridCodes[next]!, rectangle(cellXs[i]!, Math.min(ya, yb), cellXs[i + 1]!, Math.max(ya, yb)));
            next += 1;
          }
        });
      });
    });
  });
  return result;
}
