import { defineConfig } from 'vitest/config';
import { resolvePostgresTarget } from './test/support/postgres-target.ts';

// http tests run once per database kind; PostgreSQL joins when it is reachable or demanded.
const postgres = await resolvePostgresTarget();

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'eslint/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'http-pglite',
          include: ['test/http/**/*.test.ts'],
          env: { TEST_DB_KIND: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      ...(postgres
        ? [
            {
              test: {
                name: 'http-postgres',
                include: ['test/http/**/*.test.ts'],
                env: { TEST_DB_KIND: 'postgres', TEST_DATABASE_URL: postgres },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // A page waits on its data: most tests wait on the DOM (locator.waitFor); the few value
          // polls get the same budget instead of vitest's 1 s default, which a busy machine exceeds.
          expect: { poll: { timeout: 60_000 } },
        },
      },
    ],
  },
});
