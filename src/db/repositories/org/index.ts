// The public face of this area: other areas import from here, never from its files.
export * from './org-repository.ts';
export * from './user-repository.ts';
export * from './login-throttle-repository.ts';
export * from './rate-limit-repository.ts';
