// The public face of this area: other areas import from here, never from its files.
export * from './project-access.ts';
export * from './project-coordination.ts';
export * from './project-export.ts';
export * from './project-import.ts';
export * from './project-lifecycle.ts';
export * from './project-problems.ts';
export * from './project-rates.ts';
export * from './project-reporting.ts';
export * from './project-registry.ts';
export * from './project-view.ts';
export * from './project-work.ts';
export * from './target-service.ts';
export * from './report-photos.ts';
