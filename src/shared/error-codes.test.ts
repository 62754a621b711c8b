import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, toErrorBody, type ErrorCode } from './error-codes.ts';

const root = join(import.meta.dirname, '..', '..');
const codes = Object.keys(ERROR_CATALOG) as ErrorCode[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') && !path.endsWith('error-codes.ts') ? [path] : [];
  });
}

describe('ERROR_CATALOG', () => {
  it('gives every code a 4xx/5xx status and a Chinese and an English message', () => {
    for (const code of codes) {
      const entry = ERROR_CATALOG[code];
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      expect(entry.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.en.length, code).toBeGreaterThan(3);
    }
  });

  it('is documented code for code in docs/errors.md', () => {
    const doc = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
    const documented = [...doc.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(doc, code).toContain(`| \`${code}\` | ${ERROR_CATALOG[code].status} |`);
    }
  });

  it('has no code that nothing raises', () => {
    const source = sourceFiles(join(root, 'src')).map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = codes.filter((code) => !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('builds bodies with both messages', () => {
    expect(toErrorBody('NOT_FOUND')).toEqual({ code: 'NOT_FOUND', message: '未找到', messageEn: 'Not found' });
  });
});
