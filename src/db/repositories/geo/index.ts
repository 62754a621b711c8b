// The public face of this area: other areas import from here, never from its files.
export * from './grid-repository.ts';
export * from './case-map-repository.ts';
