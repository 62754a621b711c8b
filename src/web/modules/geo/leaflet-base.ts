/**
 * The one place Leaflet is set up (only lazy chunks import this file): a map with the configured XYZ base
 * layer, or the offline style — a plain background with the grids, the streets' outlines and the names of
 * streets and communities. Everything is drawn in WGS-84 (the grids' own datum, ADR 0007).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { outlineEdges, polygonsOf, type PolygonCoords, type Position } from '../../../domain/geo/index.ts';
import type { GridFeature, GridMap, MapSettings } from './map-data.ts';

export { L };

/** leaflet.heat is a classic plugin that extends the global L: give it one, then load it on first use. */
let heatPlugin: Promise<unknown> | null = null;
export function loadHeatPlugin(): Promise<unknown> {
  (globalThis as { L?: unknown }).L ??= L;
  heatPlugin ??= import('leaflet.heat');
  return heatPlugin;
}

const STREET_COLOURS = ['#3f6fb5', '#b5543f', '#3f9b6a', '#8a5fb5', '#b58a3f', '#3f9bb5', '#b53f7d', '#6a7f3f'];

/** A map in the element; the offline style sets its own background. */
export function createBaseMap(element: HTMLElement, settings: MapSettings, options: L.MapOptions = {}): L.Map {
  const map = L.map(element, { zoomSnap: 0.5, preferCanvas: false, attributionControl: Boolean(settings.tileUrl), ...options });
  if (settings.tileUrl) {
    L.tileLayer(settings.tileUrl, { maxZoom: 19, attribution: settings.tileAttribution ?? '' }).addTo(map);
  } else {
    element.classList.add('civicloop-map-offline');
  }
  return map;
}

function toLatLngs(polygon: PolygonCoords): L.LatLngExpression[][] {
  return polygon.map((ring) => ring.map(([lng, lat]) => [lat, lng] as [number, number]));
}

function centreOf(features: GridFeature[]): L.LatLng | null {
  const bounds = boundsOf(features);
  return bounds ? bounds.getCenter() : null;
}

/** The box around the features, or null when there are none. */
export function boundsOf(features: GridFeature[]): L.LatLngBounds | null {
  let bounds: L.LatLngBounds | null = null;
  for (const feature of features) {
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const [lng, lat] of polygon[0] ?? []) {
        if (bounds) bounds.extend([lat, lng]);
        else bounds = L.latLngBounds([lat, lng], [lat, lng]);
      }
    }
  }
  return bounds;
}

function groupBy(features: GridFeature[], key: (f: GridFeature) => string): Map<string, GridFeature[]> {
  const groups = new Map<string, GridFeature[]>();
  for (const feature of features) {
    const k = key(feature);
    groups.set(k, [...(groups.get(k) ?? []), feature]);
  }
  return groups;
}

function label(text: string, kind: 'street' | 'community'): L.DivIcon {
  const span = document.createElement('span');
  span.className = `civicloop-map-label civicloop-map-label-${kind}`;
  span.textContent = text;
  return L.divIcon({ html: span, className: 'civicloop-map-label-anchor', iconSize: [0, 0] });
}

export interface GridLayers {
  grids: L.GeoJSON;
  labels: L.LayerGroup;
}

/**
 * The grids (hover shows the grid's name), each street's outline in its colour and the names of streets,
 * and from zoom 14 of communities.
 */
export function drawGrids(map: L.Map, gridMap: GridMap, onClick?: (feature: GridFeature) => void): GridLayers {
  const streets = groupBy(gridMap.features, (f) => f.properties.streetCode);
  const colourOf = new Map([...streets.keys()].map((code, i) => [code, STREET_COLOURS[i % STREET_COLOURS.length]!]));
  const grids = L.geoJSON(gridMap as unknown as GeoJSON.FeatureCollection, {
    style: (feature) => ({
      color: colourOf.get((feature as unknown as GridFeature).properties.streetCode) ?? '#888', weight: 0.5, opacity: 0.6,
      fillColor: '#ffffff', fillOpacity: map.getContainer().classList.contains('civicloop-map-offline') ? 0.55 : 0.05,
    }),
    onEachFeature: (feature, layer) => {
      const grid = feature as unknown as GridFeature;
      layer.bindTooltip(`${grid.properties.name}<br>${grid.properties.communityName} · ${grid.properties.streetName}`, { sticky: true });
      if (onClick) layer.on('click', () => onClick(grid));
    },
  }).addTo(map);
  const labels = L.layerGroup().addTo(map);
  const communityLabels = L.layerGroup();
  for (const [code, features] of streets) {
    const edges = outlineEdges(features.flatMap((f) => polygonsOf(f.geometry)));
    L.polyline(edges.map((edge) => edge.map(([lng, lat]: Position) => [lat, lng] as [number, number])), {
      color: colourOf.get(code), weight: 2.2, opacity: 0.9, interactive: false,
    }).addTo(labels);
    const centre = centreOf(features);
    if (centre) L.marker(centre, { icon: label(features[0]!.properties.streetName, 'street'), interactive: false, keyboard: false }).addTo(labels);
  }
  for (const features of groupBy(gridMap.features, (f) => f.properties.communityCode).values()) {
    const centre = centreOf(features);
    if (centre) L.marker(centre, { icon: label(features[0]!.properties.communityName, 'community'), interactive: false, keyboard: false }).addTo(communityLabels);
  }
  const showCommunities = () => {
    if (map.getZoom() >= 14) labels.addLayer(communityLabels);
    else labels.removeLayer(communityLabels);
  };
  map.on('zoomend', showCommunities);
  showCommunities();
  return { grids, labels };
}

/** Turns polygons into Leaflet's nested lat/lng arrays (for the small case map's grid). */
export function polygonLatLngs(feature: GridFeature): L.LatLngExpression[][][] {
  return polygonsOf(feature.geometry).map(toLatLngs);
}
