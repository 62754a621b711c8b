// The public face of this area: other areas import from here, never from its files.
export * from './project-presenter.ts';
export * from './project-routes.ts';
export * from './target-routes.ts';
export * from './report-photo-routes.ts';
