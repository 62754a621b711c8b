// The public face of this area: other areas import from here, never from its files.
export * from './application-clocks.ts';
export * from './application-decide.ts';
export * from './application-model.ts';
export * from './application-transitions.ts';
export * from './application-voucher.ts';
export * from './service-item-import.ts';
export * from './service-item.ts';
export * from './application-indicators.ts';
