// The public face of this area: other areas import from here, never from its files.
export * from './event-record.ts';
export * from './indicator-compute.ts';
export * from './indicator-facts.ts';
export * from './indicator-score.ts';
export * from './period.ts';
export * from './rollup-deltas.ts';
export * from './unit-level.ts';
