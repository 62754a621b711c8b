// The public face of this area: other areas import from here, never from its files.
export * from './attachment-routes.ts';
export * from './case-presenter.ts';
export * from './case-routes.ts';
export * from './duplicate-routes.ts';
export * from './live-routes.ts';
export * from './saved-filter-routes.ts';
