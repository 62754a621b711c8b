// The public face of this area: other areas import from here, never from its files.
export * from './department-routing.ts';
export * from './district-settings.ts';
export * from './org-codes.ts';
