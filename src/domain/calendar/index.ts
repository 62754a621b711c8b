// The public face of this area: other areas import from here, never from its files.
export * from './calendar-sources.ts';
export * from './deadlines.ts';
export * from './holiday-notice.ts';
export * from './provisional-holidays.ts';
export * from './shanghai-time.ts';
export * from './working-calendar.ts';
