// The public face of this area: other areas import from here, never from its files.
export * from './grid-import.ts';
export * from './grid-index.ts';
export * from './grid-map.ts';
export * from './grid-routing.ts';
export * from './case-map.ts';
export * from './place-lookup.ts';
