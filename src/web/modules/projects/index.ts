// The public face of this area: other areas import from here, never from its files.
export * from './node-gantt.tsx';
export * from './project-drawer.tsx';
export * from './project-forms.tsx';
export * from './project-map.tsx';
export * from './project-types.ts';
export * from './project-import-button.tsx';
export * from './report-status-tag.tsx';
export * from './lifecycle-admin.tsx';
export * from './projects-cockpit-card.tsx';
