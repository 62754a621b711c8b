// The public face of this area: other areas import from here, never from its files.
export * from './attachment-rules.ts';
export * from './case-access.ts';
export * from './case-decide.ts';
export * from './case-model.ts';
export * from './case-number.ts';
export * from './case-transitions.ts';
export * from './case-warning.ts';
export * from './clock-recalculation.ts';
export * from './reported-at.ts';
export * from './timeline-anchor.ts';
