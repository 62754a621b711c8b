// The public face of this area: other areas import from here, never from its files.
export * from './district-settings-admin.ts';
export * from './org-reference.ts';
export * from './reference-cache.ts';
