/** The maps as components, each a lazy chunk so Leaflet loads only where a map is shown. */
import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { CaseMapViewProps } from './case-map-view.tsx';
import type { PinMapViewProps } from './pin-map-view.tsx';
import type { CaseLocationMapViewProps } from './case-location-map.tsx';


const CaseMapView = lazy(() => import('./case-map-view.tsx'));
const PinMapView = lazy(() => import('./pin-map-view.tsx'));
const CaseLocationMapView = lazy(() => import('./case-location-map.tsx'));

function Loading({ height }: { height: number }) {
  return <Skeleton.Node active style={{ width: '100%', height }} />;
}

export function CaseMap(props: CaseMapViewProps) {
  return <Suspense fallback={<Loading height={560} />}><CaseMapView {...props} /></Suspense>;
}

export function PinMap(props: PinMapViewProps) {
  return <Suspense fallback={<Loading height={260} />}><PinMapView {...props} /></Suspense>;
}

export function CaseLocationMap(props: CaseLocationMapViewProps) {
  return <Suspense fallback={<Loading height={200} />}><CaseLocationMapView {...props} /></Suspense>;
}
