// The public face of this area: other areas import from here, never from its files.
export * from './bulletin-docx.ts';
export * from './bulletin-export.ts';
export * from './bulletin-service.ts';
export * from './bulletin-tables.ts';
export * from './bulletin-xlsx.ts';
export * from './indicator-service.ts';
export * from './notice-service.ts';
export * from './rating-service.ts';
export * from './rectification-void.ts';
export * from './rectification.ts';
export * from './warning-sweep.ts';
