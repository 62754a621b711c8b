// The public face of this area: other areas import from here, never from its files.
export * from './lifecycle-repository.ts';
export * from './project-node-repository.ts';
export * from './project-report-repository.ts';
export * from './project-repository.ts';
export * from './project-timeline-repository.ts';
export * from './target-repository.ts';
export * from './rate-snapshot-repository.ts';
export * from './report-photo-repository.ts';
