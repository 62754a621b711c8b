// The public face of this area: other areas import from here, never from its files.
export * from './match-table.tsx';
export * from './policy-editor.tsx';
export * from './policy-matches.tsx';
export * from './application-desk.tsx';
