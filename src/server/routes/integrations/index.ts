// The public face of this area: other areas import from here, never from its files.
export * from './subscription-routes.ts';
export * from './webhook-routes.ts';
