// The public face of this area: other areas import from here, never from its files.
export * from './grid-routes.ts';
export * from './map-routes.ts';
