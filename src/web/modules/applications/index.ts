// The public face of this area: other areas import from here, never from its files.
export * from './application-countdown.tsx';
export * from './application-table.tsx';
export * from './application-types.ts';
export * from './use-applications.ts';
export * from './application-indicators.tsx';
export * from './application-ratings.tsx';
