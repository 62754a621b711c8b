// The public face of this area: other areas import from here, never from its files.
export * from './enterprise-benefits.ts';
export * from './enterprise-indicators.ts';
export * from './grant-runs.ts';
export * from './policy-catalog.ts';
export * from './policy-matching.ts';
export * from './policy-pushes.ts';
export * from './policy-applications.ts';
