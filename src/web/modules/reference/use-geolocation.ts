/** The browser's position on request (WGS84 as the browser reports it). */
import { useCallback, useState } from 'react';

export interface Geolocation {
  position: { lat: number; lng: number } | null;
  failed: boolean;
  busy: boolean;
  locate(): void;
}

export function useGeolocation(): Geolocation {
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setFailed(true);
      return;
    }
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (found) => {
        setPosition({ lat: Number(found.coords.latitude.toFixed(6)), lng: Number(found.coords.longitude.toFixed(6)) });
        setFailed(false);
        setBusy(false);
      },
      () => {
        setFailed(true);
        setBusy(false);
      },
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  }, []);
  return { position, failed, busy, locate };
}
