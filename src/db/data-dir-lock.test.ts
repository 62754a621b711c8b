import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'civicloop-lock-unit-')));

describe('lockDataDir', () => {
  it('refuses a second open of the same directory in the same process, and allows it after release', () => {
    fresh();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow('already open in this process');
    expect(() => lockDataDir(join(dir, '.'))).toThrow('already open in this process');
    release();
    expect(existsSync(join(dir, 'civicloop.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock naming this pid that this process does not hold (a restarted container)', () => {
    fresh();
    writeFileSync(join(dir, 'civicloop.lock'), String(process.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'civicloop.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    fresh();
    writeFileSync(join(dir, 'civicloop.lock'), '999999999');
    lockDataDir(dir)();
  });
});
