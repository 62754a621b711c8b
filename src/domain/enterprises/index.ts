// The public face of this area: other areas import from here, never from its files.
export * from './dated-facts.ts';
export * from './enterprise-access.ts';
export * from './enterprise-import-rows.ts';
export * from './industry-codes.ts';
export * from './size-class.ts';
export * from './uscc.ts';
