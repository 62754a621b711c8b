// The public face of this area: other areas import from here, never from its files.
export * from './subscription-rules.ts';
export * from './webhook-rules.ts';
