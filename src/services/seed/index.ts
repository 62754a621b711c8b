// The public face of this area: other areas import from here, never from its files.
export * from './seed-demo-cases.ts';
export * from './seed-demo-enterprises.ts';
export * from './seed-demo-org.ts';
export * from './seed-demo-projects.ts';
export * from './seed-reference.ts';
export * from './seed-service-deps.ts';
export * from './seeded-random.ts';
export * from './lock-demo-accounts.ts';
