// The public face of this area: other areas import from here, never from its files.
export * from './api-keys.ts';
export * from './category-admin.ts';
export * from './user-admin.ts';
export * from './backup.ts';
