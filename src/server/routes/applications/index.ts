// The public face of this area: other areas import from here, never from its files.
export * from './application-presenter.ts';
export * from './application-routes.ts';
