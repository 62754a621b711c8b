import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { resolve } from 'node:path';

/** Lock files this process holds: its own pid in a lock file does not say whether it is one of them. */
const heldHere = new Set<string>();

/**
 * Takes an exclusive lock file on the data directory: PGlite itself does not stop a second
 * process from opening the same files, which would corrupt them (reference/stack.md §1e).
 * A lock left by a process that no longer runs is taken over — also one that names this process's own pid
 * (a container restarts its server with the same pid) unless this process really holds it.
 * @returns a function that releases the lock
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = resolve(dataDir, 'civicloop.lock');
  if (heldHere.has(path)) {
    throw new Error(
      `数据目录 ${dataDir} 已被本进程打开 / The data directory ${dataDir} is already open in this process. Close it first.`,
    );
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `数据目录 ${dataDir} 正被进程 ${holder} 使用 / The data directory ${dataDir} is in use by process ${holder}. ` +
            'Stop the running server first, or use its API.',
          { cause: error },
        );
      }
      unlinkSync(path);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
