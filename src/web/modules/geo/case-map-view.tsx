/**
 * The staff map (lazy chunk): grids on the base map, cases from GET /api/v1/map/cases for the visible box —
 * clusters and points (colour by warning) or a heatmap of the same weighted clusters. A click on a grid
 * drills down one level; a click on a case opens it; a click on a cluster zooms into it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client.ts';
import { isEnglish } from '../../i18n/setup.ts';
import { L, boundsOf, createBaseMap, drawGrids, loadHeatPlugin } from './leaflet-base.ts';
import { featuresOf, loadMapSettings, type DrillUnit, type GridFeature, type GridMap } from './map-data.ts';

export interface CaseMapFilters {
  state?: string | undefined;
  category?: string | undefined;
  warning?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface CaseMapPoint {
  id: number; number: string; state: string; warningLevel: 'none' | 'amber' | 'red';
  categoryCode: string; categoryName: string; categoryNameEn: string; lat: number; lng: number;
}
interface CaseMapAnswer {
  total: number;
  capped: boolean;
  clusters: { lat: number; lng: number; count: number; expansionZoom: number }[];
  points: CaseMapPoint[];
}

export interface CaseMapViewProps {
  districtCode: string;
  grids: GridMap;
  unit: DrillUnit;
  filters: CaseMapFilters;
  heat: boolean;
  onDrill(feature: GridFeature): void;
  onOpenCase(id: number): void;
  onLoaded(answer: { total: number; capped: boolean } | null, error?: unknown): void;
  ariaLabel: string;
}

function caseIcon(point: CaseMapPoint): L.DivIcon {
  const dot = document.createElement('span');
  dot.className = `civicloop-case-dot civicloop-case-dot-${point.warningLevel}`;
  return L.divIcon({ html: dot, className: 'civicloop-case-marker', iconSize: [16, 16] });
}

function clusterIcon(count: number): L.DivIcon {
  const disc = document.createElement('span');
  disc.className = 'civicloop-case-cluster';
  disc.textContent = String(count);
  return L.divIcon({ html: disc, className: 'civicloop-case-marker', iconSize: [36, 36] });
}

export default function CaseMapView({ districtCode, grids, unit, filters, heat, onDrill, onOpenCase, onLoaded, ariaLabel }: CaseMapViewProps) {
  const { t, i18n } = useTranslation();
  const english = isEnglish(i18n.language);
  const element = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const callbacks = useRef({ onDrill, onOpenCase, onLoaded });
  callbacks.current = { onDrill, onOpenCase, onLoaded };

  // The map and its grids, once per district.
  useEffect(() => {
    let alive = true;
    let created: L.Map | null = null;
    void loadMapSettings().then((settings) => {
      if (!alive || !element.current) return;
      created = createBaseMap(element.current, settings, { minZoom: 9 });
      drawGrids(created, grids, (feature) => callbacks.current.onDrill(feature));
      const bounds = boundsOf(grids.features);
      if (bounds) created.fitBounds(bounds);
      else created.setView([43.88, 125.32], 11);
      setMap(created);
    });
    return () => {
      alive = false;
      created?.remove();
      setMap(null);
    };
  }, [grids]);

  // Fit the drill-down unit.
  useEffect(() => {
    if (!map) return;
    const bounds = boundsOf(featuresOf(grids, unit));
    if (bounds) map.fitBounds(bounds, { padding: [16, 16] });
  }, [map, grids, unit]);

  // Cases for the view: reloaded when the view or the filters change.
  useEffect(() => {
    if (!map) return;
    const layer = L.layerGroup().addTo(map);
    let request = 0;
    const unitFilter = unit.level === 'district' ? {} : { [unit.level]: unit.code };
    const load = () => {
      const mine = ++request;
      const zoom = map.getZoom();
      // a little beyond the edges, so clusters at the border do not jump while panning
      const bbox = map.getBounds().pad(0.2).toBBoxString();
      Promise.all([
        apiGet<CaseMapAnswer>('/api/v1/map/cases', { district: districtCode, zoom: Math.round(zoom), bbox, ...filters, ...unitFilter }),
        heat ? loadHeatPlugin() : null,
      ]).then(
        ([answer]) => {
          if (mine !== request) return;
          layer.clearLayers();
          if (heat) {
            const weights = [...answer.clusters.map((c) => [c.lat, c.lng, c.count] as [number, number, number]), ...answer.points.map((p) => [p.lat, p.lng, 1] as [number, number, number])];
            const max = Math.max(1, ...weights.map((w) => w[2]));
            layer.addLayer(L.heatLayer(weights, { radius: 28, blur: 20, max, minOpacity: 0.3 }));
          } else {
            for (const cluster of answer.clusters) {
              const marker = L.marker([cluster.lat, cluster.lng], { icon: clusterIcon(cluster.count), title: t('map.clusterTitle', { count: cluster.count }) });
              marker.on('click', () => map.setView([cluster.lat, cluster.lng], cluster.expansionZoom));
              layer.addLayer(marker);
            }
            for (const point of answer.points) {
              const category = english ? point.categoryNameEn : point.categoryName;
              const marker = L.marker([point.lat, point.lng], { icon: caseIcon(point), title: `${point.number} ${category}`, riseOnHover: true });
              marker.on('click', () => callbacks.current.onOpenCase(point.id));
              layer.addLayer(marker);
            }
          }
          // Counts the views drawn, for whoever waits on the map (tests, screen readers' live regions later).
          map.getContainer().dataset.loads = String(Number(map.getContainer().dataset.loads ?? 0) + 1);
          callbacks.current.onLoaded({ total: answer.total, capped: answer.capped });
        },
        (failure: unknown) => mine === request && callbacks.current.onLoaded(null, failure),
      );
    };
    map.on('moveend', load);
    load();
    return () => {
      request += 1;
      map.off('moveend', load);
      layer.remove();
    };
  }, [map, districtCode, unit, filters, heat, english, t]);

  return <div ref={element} role="region" aria-label={ariaLabel} data-testid="case-map" style={{ height: 560, width: '100%', borderRadius: 8 }} />;
}
