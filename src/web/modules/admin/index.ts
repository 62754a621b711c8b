// The public face of this area: other areas import from here, never from its files.
export * from './api-keys-admin.tsx';
export * from './calendar-admin.tsx';
export * from './calendar-notice-admin.tsx';
export * from './categories-admin.tsx';
export * from './district-settings-admin.tsx';
export * from './grid-import-admin.tsx';
export * from './users-admin.tsx';
