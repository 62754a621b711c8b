// The public face of this area: other areas import from here, never from its files.
export * from './category-select.tsx';
export * from './reference-data.ts';
export * from './use-geolocation.ts';
