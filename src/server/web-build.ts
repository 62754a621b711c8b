/**
 * Builds the web UI when its output is missing or older than its sources, so `npm start` always
 * serves a current UI without a separate build step.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Directories whose files end up in the web bundle. */
const SOURCE_DIRS = ['src/web', 'src/shared', 'src/domain'];
const SOURCE_FILES = ['vite.config.ts'];

async function newestMtime(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * Whether dist/web must be (re)built: no index.html, or a source newer than it.
 * @example await webBuildIsStale('/srv/civicloop') // false right after a build
 */
export async function webBuildIsStale(root: string): Promise<boolean> {
  const index = join(root, 'dist/web/index.html');
  if (!existsSync(index)) return true;
  const built = (await stat(index)).mtimeMs;
  for (const part of [...SOURCE_DIRS, ...SOURCE_FILES]) {
    if ((await newestMtime(join(root, part))) > built) return true;
  }
  return false;
}

/**
 * Runs the Vite build (programmatically) when dist/web is missing or stale.
 * @param root the repository root (where vite.config.ts lives)
 * @returns true when it built, false when the existing build was current
 */
export async function ensureWebBuild(root: string, options: { log?: (line: string) => void } = {}): Promise<boolean> {
  if (!(await webBuildIsStale(root))) return false;
  const log = options.log ?? (() => undefined);
  log('构建网页界面 / building the web UI (vite)…');
  const { build } = await import('vite');
  // Under a test runner NODE_ENV is 'test', which would make React and antd build in development mode.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  log('网页界面已构建 / web UI built: dist/web');
  return true;
}
