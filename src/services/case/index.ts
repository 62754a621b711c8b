// The public face of this area: other areas import from here, never from its files.
export * from './case-actions.ts';
export * from './case-attachments.ts';
export * from './case-duplicates.ts';
export * from './case-follow-ups.ts';
export * from './case-intake.ts';
export * from './case-list-cursor.ts';
export * from './case-queries.ts';
export * from './case-relocate.ts';
export * from './case-reporter.ts';
export * from './case-row-changes.ts';
export * from './case-snapshot.ts';
export * from './file-storage.ts';
export * from './merge-followers.ts';
export * from './notification-service.ts';
export * from './photo-processing.ts';
