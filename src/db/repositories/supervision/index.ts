// The public face of this area: other areas import from here, never from its files.
export * from './bulletin-repository.ts';
export * from './day-close-repository.ts';
export * from './indicator-repository.ts';
export * from './notice-repository.ts';
export * from './rating-repository.ts';
export * from './rollup-repository.ts';
export * from './sweep-repository.ts';
