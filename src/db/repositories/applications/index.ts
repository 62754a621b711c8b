// The public face of this area: other areas import from here, never from its files.
export * from './application-repository.ts';
export * from './service-item-repository.ts';
export * from './application-indicator-repository.ts';
