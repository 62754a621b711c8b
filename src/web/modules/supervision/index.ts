// The public face of this area: other areas import from here, never from its files.
export * from './appeals-card.tsx';
export * from './bulletin-card.tsx';
export * from './late-cases-card.tsx';
export * from './notice-form.tsx';
export * from './notice-table.tsx';
export * from './respond-modal.tsx';
export * from './use-notices.ts';
