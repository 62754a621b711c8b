// The public face of this area: other areas import from here, never from its files.
export * from './calendar-admin.ts';
export * from './calendar-cache.ts';
export * from './calendar-changes.ts';
export * from './calendar-notice.ts';
export * from './calendar-source.ts';
export * from './deadline-recalculation.ts';
