// The public face of this area: other areas import from here, never from its files.
export * from './dispatch-suggestions.tsx';
export * from './use-dispatch-suggestions.ts';
