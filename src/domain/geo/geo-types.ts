/**
 * Plain GeoJSON-shaped geometry types (WGS84 / EPSG:4326, [longitude, latitude]) and the
 * bounding box of mainland China that grid geometry must lie in.
 */

/** [longitude, latitude] in degrees. */
export type Position = [number, number];
/** A closed ring: first and last positions equal. */
export type Ring = Position[];
/** Outer ring first, then holes. */
export type PolygonCoords = Ring[];

export type GridGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

/** [minLng, minLat, maxLng, maxLat]. */
export type BBox = [number, number, number, number];

/** 73–136°E, 3–54°N: every grid vertex must lie inside. */
export const CHINA_BBOX: BBox = [73, 3, 136, 54];

/** The polygons of a grid geometry, whichever type it is. */
export function polygonsOf(geometry: GridGeometry): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
