/**
 * The citizen's pin (lazy chunk): tap the map to place it, drag it to move it. A position set from outside
 * ("use my location") recentres the map; one the person placed does not.
 */
import { useEffect, useRef, useState } from 'react';
import { L, boundsOf, createBaseMap, drawGrids } from './leaflet-base.ts';
import { loadGridMap, loadMapSettings } from './map-data.ts';

export interface LatLngValue { lat: number; lng: number }

export interface PinMapViewProps {
  value: LatLngValue | null;
  onChange(value: LatLngValue): void;
  ariaLabel: string;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function pinIcon(): L.DivIcon {
  const pin = document.createElement('span');
  pin.className = 'civicloop-pin';
  return L.divIcon({ html: pin, className: 'civicloop-pin-marker', iconSize: [30, 30], iconAnchor: [15, 30] });
}

export default function PinMapView({ value, onChange, ariaLabel }: PinMapViewProps) {
  const element = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const placed = useRef<LatLngValue | null>(null);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    let alive = true;
    let created: L.Map | null = null;
    void Promise.all([loadMapSettings(), loadGridMap().catch(() => null)]).then(([settings, grids]) => {
      if (!alive || !element.current) return;
      created = createBaseMap(element.current, settings, { tapTolerance: 20 });
      if (grids) drawGrids(created, grids);
      const bounds = grids ? boundsOf(grids.features) : null;
      if (bounds) created.fitBounds(bounds);
      else created.setView([43.88, 125.32], 11);
      created.on('click', (event: L.LeafletMouseEvent) => {
        const next = { lat: round6(event.latlng.lat), lng: round6(event.latlng.lng) };
        placed.current = next;
        change.current(next);
      });
      setMap(created);
    });
    return () => {
      alive = false;
      created?.remove();
      marker.current = null;
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (!map || !value) return;
    if (!marker.current) {
      marker.current = L.marker([value.lat, value.lng], { icon: pinIcon(), draggable: true, autoPan: true, title: ariaLabel }).addTo(map);
      marker.current.on('dragend', () => {
        const at = marker.current!.getLatLng();
        const next = { lat: round6(at.lat), lng: round6(at.lng) };
        placed.current = next;
        change.current(next);
      });
    } else {
      marker.current.setLatLng([value.lat, value.lng]);
    }
    const fromOutside = placed.current?.lat !== value.lat || placed.current?.lng !== value.lng;
    if (fromOutside) map.setView([value.lat, value.lng], Math.max(map.getZoom(), 16));
  }, [map, value, ariaLabel]);

  return <div ref={element} role="region" aria-label={ariaLabel} data-testid="pin-map" style={{ height: 260, width: '100%', borderRadius: 8, touchAction: 'none' }} />;
}
