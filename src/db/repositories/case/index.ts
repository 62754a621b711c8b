// The public face of this area: other areas import from here, never from its files.
export * from './attachment-repository.ts';
export * from './case-number-repository.ts';
export * from './case-repository.ts';
export * from './case-warning-sql.ts';
export * from './category-repository.ts';
export * from './clock-repository.ts';
export * from './duplicate-repository.ts';
export * from './follower-repository.ts';
export * from './notification-repository.ts';
export * from './outbox-repository.ts';
export * from './timeline-link-repository.ts';
export * from './timeline-repository.ts';
export * from './worker-lease-repository.ts';
export * from './live-repository.ts';
export * from './idempotency-repository.ts';
export * from './saved-filter-repository.ts';
