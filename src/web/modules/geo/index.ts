// The public face of this area: the maps (lazy: Leaflet loads only where a map is shown) and their data.
export * from './map-components.tsx';
export * from './map-data.ts';
export type { CaseMapFilters, CaseMapPoint } from './case-map-view.tsx';
export type { LatLngValue } from './pin-map-view.tsx';
