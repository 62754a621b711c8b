import { describe, expect, it } from 'vitest';
import { DEMO_DISTRICT_BOXES, layoutDistrict, type LayoutStreet } from './demo-geometry-layout.ts';
import { parseGridFeatureCollection } from '../../domain/geo/grid-features.ts';

function streets(count: number, communities: number, grids: number): LayoutStreet[] {
  return Array.from({ length: count }, (_, s) => {
    const street = `220106${String(s + 1).padStart(3, '0')}`;
    return {
      code: `${street}000`,
      communities: Array.from({ length: communities }, (_, c) => {
        const community = `${street}${String(c + 1).padStart(3, '0')}`;
        return { code: community, gridCodes: Array.from({ length: grids + c }, (_, g) => `${community}${String(g + 1).padStart(3, '0')}`) };
      }),
    };
  });
}

describe('demo geometry layout', () => {
  it('gives 700 grids polygons inside the box that pass the import checks (no overlaps)', () => {
    const layout = layoutDistrict(DEMO_DISTRICT_BOXES['220106']!, streets(14, 2, 24));
    expect(layout.size).toBe(14 * (24 + 25));
    const features = [...layout].map(([code, coordinates]) => ({ type: 'Feature', properties: { code, name: code }, geometry: { type: 'Polygon', coordinates } }));
    expect(parseGridFeatureCollection({ type: 'FeatureCollection', features }).problems).toEqual([]);
    for (const polygon of layout.values()) {
      for (const [lng, lat] of polygon[0]!) {
        expect(lng).toBeGreaterThanOrEqual(125.2);
        expect(lng).toBeLessThanOrEqual(125.32);
        expect(lat).toBeGreaterThanOrEqual(43.85);
        expect(lat).toBeLessThanOrEqual(43.93);
      }
    }
  });
  it('is deterministic', () => {
    const a = layoutDistrict(DEMO_DISTRICT_BOXES['220105']!, streets(5, 3, 2));
    const b = layoutDistrict(DEMO_DISTRICT_BOXES['220105']!, streets(5, 3, 2));
    expect([...a]).toEqual([...b]);
  });
});
