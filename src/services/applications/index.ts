// The public face of this area: other areas import from here, never from its files.
export * from './application-actions.ts';
export * from './application-context.ts';
export * from './application-intake.ts';
export * from './application-queries.ts';
export * from './application-voucher.ts';
export * from './rating-requests.ts';
export * from './service-items.ts';
export * from './application-indicators.ts';
export * from './national-status-export.ts';
