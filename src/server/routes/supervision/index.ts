// The public face of this area: other areas import from here, never from its files.
export * from './bulletin-routes.ts';
export * from './indicator-routes.ts';
export * from './supervision-presenter.ts';
export * from './supervision-routes.ts';
