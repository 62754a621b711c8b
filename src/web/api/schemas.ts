/**
 * The shared API schemas as the web forms use them. zod is told not to compile with `new Function` first
 * (the Content Security Policy forbids eval), then the schemas are built. Every web file takes the schemas
 * from here; the citizen's report form loads this module when it is submitted, so zod is not part of what
 * a phone downloads before the page renders (issue 18, page weight).
 */
import '../zod-without-eval.ts';

export * from '../../shared/api-schemas.ts';
