/** Prints docs/access.md from the access table (npm run docs:access), so the page cannot drift from the rules. */
import { accessDoc } from './access-doc.ts';

process.stdout.write(accessDoc());
