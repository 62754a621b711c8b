// The public face of this area: other areas import from here, never from its files.
export * from './event-cursor-repository.ts';
export * from './subscription-repository.ts';
export * from './webhook-repository.ts';
