// The public face of this area: other areas import from here, never from its files.
export * from './action-modal.tsx';
export * from './case-csv.ts';
export * from './case-detail.tsx';
export * from './case-drawer.tsx';
export * from './case-filters.tsx';
export * from './case-format.ts';
export * from './case-photos.tsx';
export * from './case-table.tsx';
export * from './deadline-badge.tsx';
export * from './highlight-text.tsx';
export * from './report-form.tsx';
export * from './state-tag.tsx';
export * from './use-case-list.ts';
export * from './use-live-cases.tsx';
export * from './case-export-buttons.tsx';
export * from './offline-queue.ts';
export * from './queue-tabs.tsx';
