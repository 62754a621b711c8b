import { ERROR_CATALOG } from '../src/shared/error-codes.ts';
// Regenerates docs/errors.md from the catalog: npm run docs:errors
const rows = Object.entries(ERROR_CATALOG).map(([code, e]) => `| \`${code}\` | ${e.status} | ${e.zh} | ${e.en} |`);
console.log(`# Error codes

Every API error has the body \`{ code, message, messageEn, details? }\`: \`code\` is stable and machine-readable,
\`message\` is Chinese, \`messageEn\` English, and \`details\` (when present) says what exactly was wrong — for
\`VALIDATION_FAILED\` a list of \`{ path, code, message }\`, one per problem. Clients act on \`code\`, never on the wording.
The catalog lives in \`src/shared/error-codes.ts\`; a test keeps this page and the catalog in step.

| code | status | 中文 | English |
| --- | --- | --- | --- |
${rows.join('\n')}
`);
