// The public face of this area: other areas import from here, never from its files.
export * from './access-decide.ts';
export * from './access-labels.ts';
export * from './access-table.ts';
export * from './principal.ts';
