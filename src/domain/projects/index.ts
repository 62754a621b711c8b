// The public face of this area: other areas import from here, never from its files.
export * from './backward-schedule.ts';
export * from './four-rates.ts';
export * from './investment.ts';
export * from './lifecycle.ts';
export * from './node-rules.ts';
export * from './project-access.ts';
export * from './project-model.ts';
export * from './statistical-registration.ts';
export * from './targets.ts';
export * from './project-import-rows.ts';
export * from './report-deadline.ts';
export * from './weekly-coordination.ts';
export * from './lifecycle-edit.ts';
