// The public face of this area: other areas import from here, never from its files.
export * from './citizen-progress.ts';
export * from './citizen-case-view.ts';
