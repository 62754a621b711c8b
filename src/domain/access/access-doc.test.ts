/** docs/access.md is generated from the access table: the page must be what `npm run docs:access` writes now. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessDoc } from '../../../scripts/access-doc.ts';

describe('docs/access.md', () => {
  it('is what npm run docs:access generates from the table (run it after changing the table)', () => {
    const page = readFileSync(new URL('../../../docs/access.md', import.meta.url), 'utf8');
    expect(page).toBe(accessDoc());
  });
});
