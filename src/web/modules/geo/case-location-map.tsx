/** A small map of where a case is (lazy chunk), for the case drawer: its point over its district's grids. */
import { useEffect, useRef } from 'react';
import { L, createBaseMap, drawGrids } from './leaflet-base.ts';
import { loadGridMap, loadMapSettings } from './map-data.ts';

export interface CaseLocationMapViewProps {
  lat: number;
  lng: number;
  districtCode?: string | undefined;
  ariaLabel: string;
}

export default function CaseLocationMapView({ lat, lng, districtCode, ariaLabel }: CaseLocationMapViewProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let alive = true;
    let created: L.Map | null = null;
    void Promise.all([loadMapSettings(), loadGridMap(districtCode).catch(() => null)]).then(([settings, grids]) => {
      if (!alive || !element.current) return;
      created = createBaseMap(element.current, settings, { scrollWheelZoom: false });
      if (grids) drawGrids(created, grids);
      created.setView([lat, lng], 16);
      const dot = document.createElement('span');
      dot.className = 'civicloop-pin';
      L.marker([lat, lng], { icon: L.divIcon({ html: dot, className: 'civicloop-pin-marker', iconSize: [30, 30], iconAnchor: [15, 30] }), keyboard: false, interactive: false }).addTo(created);
    });
    return () => {
      alive = false;
      created?.remove();
    };
  }, [lat, lng, districtCode]);
  return <div ref={element} role="img" aria-label={ariaLabel} data-testid="case-location-map" style={{ height: 200, width: '100%', borderRadius: 8 }} />;
}
