// The public face of this area: other areas import from here, never from its files.
export * from './open311-discovery.ts';
export * from './open311-format.ts';
export * from './open311-params.ts';
export * from './open311-present.ts';
export * from './open311-routes.ts';
export * from './open311-status.ts';
export * from './open311-submission-routes.ts';
