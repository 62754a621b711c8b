// The public face of this area: other areas import from here, never from its files.
export * from './geo-types.ts';
export * from './grid-features.ts';
export * from './polygon-math.ts';
export * from './point-sampling.ts';
export * from './outline.ts';
export * from './navigation-links.ts';
