// Lint rules, including the architecture: src/domain stays pure, layers import only downward.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import architecture from './eslint/area-boundaries.js';

const restrictedForDomain = {
  patterns: [
    { group: ['fastify', 'fastify-*', '@fastify/*', 'kysely', 'pg', '@electric-sql/*', 'react', 'react-*', 'antd', 'node:*'], message: 'src/domain is pure: no frameworks, SQL or Node APIs.' },
    { group: ['**/db/**', '**/server/**', '**/web/**', '**/services/**', '**/cli/**'], message: 'src/domain must not import outer layers.' },
  ],
};

// Query-builder calls are SQL: they live in src/db only.
const SQL_CALLS = "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]";

/** What browser code may never import. */
const WEB_IMPORT_PATTERNS = [
  { group: ['node:*', 'fastify', 'kysely', 'pg', '@electric-sql/*'], message: 'The web UI runs in the browser.' },
  { group: ['**/db/**', '**/services/**', '**/server/**', '**/cli/**'], message: 'The web UI talks to the API, not to server code.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'test-results/**', 'bench/results/**', 'src/db/pglite-worker.mjs', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', restrictedForDomain],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time is passed in: no Date.now() in src/domain.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is passed in: no new Date() in src/domain.' },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Configuration comes from src/config.ts.' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/domain does not touch the process.' }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [
        ...WEB_IMPORT_PATTERNS,
        { group: ['**/shared/*-schemas.ts'], message: 'Web code takes the API schemas from src/web/api/schemas.ts (zod without eval, loaded on use).' },
      ] }],
    },
  },
  {
    files: ['src/web/api/schemas.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: WEB_IMPORT_PATTERNS }] },
  },
  {
    // Tests read loosely typed JSON answers; production code may not use any.
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Servers, services and the database log through the Fastify/pino logger; only the CLI prints to its user.
    files: ['src/server/**/*.ts', 'src/db/**/*.ts', 'src/services/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/web/**'], message: 'src/db must not import server or web.' }] }] },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts'],
    // Routes reach data through services; a presenter may name a repository's row type.
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { group: ['kysely', 'pg', '**/db/migrations/**'], message: 'SQL lives in src/db.' },
        { group: ['**/db/repositories/**'], allowTypeImports: true, message: 'Routes reach data through src/services, never a repository.' },
      ] }],
    },
  },
  {
    files: ['src/services/**/*.ts', 'src/server/**/*.ts', 'src/cli/**/*.ts', 'src/shared/**/*.ts', 'src/config.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: SQL_CALLS, message: 'SQL lives in src/db: call a repository function.' }],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    ignores: ['src/services/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { group: ['kysely', 'pg'], allowTypeImports: true, message: 'Services pass a database or transaction along; SQL (sql``, builders) lives in src/db.' },
        { group: ['**/server/**', '**/web/**', '**/cli/**'], message: 'src/services must not import outer layers.' },
      ] }],
    },
  },
  {
    // Areas (the same folder name in every layer) meet only through each other's index.ts.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    plugins: { civicloop: architecture },
    rules: { 'civicloop/area-boundaries': 'error' },
  },
);
