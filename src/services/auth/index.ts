// The public face of this area: other areas import from here, never from its files.
export * from './auth-service.ts';
export * from './password-policy.ts';
export { forgetUserSessions } from './session-cache.ts';
export { databaseRateLimitStore, PRUNE_EVERY_MS, type RateLimitStore } from './rate-limit-store.ts';
