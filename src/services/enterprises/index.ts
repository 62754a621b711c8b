// The public face of this area: other areas import from here, never from its files.
export * from './enterprise-demands.ts';
export * from './enterprise-detail.ts';
export * from './enterprise-import.ts';
export * from './enterprise-profiles.ts';
export * from './enterprise-registry.ts';
