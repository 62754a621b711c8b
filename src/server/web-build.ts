/**
 * Builds the web UI when its output is missing or was built from other sources, so `npm start` always
 * serves a current UI. `npm ci` already builds it (the `prepare` script), so a first start only serves.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** What ends up in the bundle: its sources, the build settings and the locked dependency versions. */
const SOURCE_DIRS = ['src/web', 'src/shared', 'src/domain'];
const SOURCE_FILES = ['vite.config.ts', 'package-lock.json'];
/** Beside dist/web, not inside it: vite empties dist/web, and the static server must not serve it. */
const STAMP_FILE = 'dist/web-build.json';

async function listFiles(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  const files: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/**
 * One hash over the names and contents of every file the bundle is made from; a touched but unchanged
 * file (a git checkout, a copy) keeps it, so the UI is rebuilt only when something really changed.
 * @example await webSourceHash('/srv/civicloop') // 'b1946ac9…'
 */
export async function webSourceHash(root: string): Promise<string> {
  const files = [
    ...(await Promise.all(SOURCE_DIRS.map((dir) => listFiles(join(root, dir))))).flat(),
    ...SOURCE_FILES.map((file) => join(root, file)).filter((file) => existsSync(file)),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}

async function builtFromHash(root: string): Promise<string | null> {
  if (!existsSync(join(root, 'dist/web/index.html'))) return null;
  try {
    const stamp = JSON.parse(await readFile(join(root, STAMP_FILE), 'utf8')) as { sourceHash?: unknown };
    return typeof stamp.sourceHash === 'string' ? stamp.sourceHash : null;
  } catch {
    return null;
  }
}

/**
 * Whether dist/web must be (re)built: no index.html, or built from sources other than today's.
 * @example await webBuildIsStale('/srv/civicloop') // false right after a build
 */
export async function webBuildIsStale(root: string): Promise<boolean> {
  return (await builtFromHash(root)) !== (await webSourceHash(root));
}

/** A line every few hundred modules, so a newcomer sees the build advance instead of a silent minute. */
function progressPlugin(log: (line: string) => void): Plugin {
  let modules = 0;
  return {
    name: 'civicloop-build-progress',
    transform() {
      modules += 1;
      if (modules % 500 === 0) log(`  … ${modules} 个模块 / modules`);
      return null;
    },
    generateBundle() {
      log(`  … ${modules} 个模块已编译，正在压缩 / ${modules} modules compiled, compressing`);
    },
  };
}

/**
 * Runs the Vite build (programmatically) when dist/web is missing or stale.
 * @param root the repository root (where vite.config.ts lives)
 * @returns true when it built, false when the existing build was current
 */
export async function ensureWebBuild(root: string, options: { log?: (line: string) => void } = {}): Promise<boolean> {
  const sourceHash = await webSourceHash(root);
  if ((await builtFromHash(root)) === sourceHash) return false;
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  log('构建网页界面（约一分钟，源文件不变则不再构建）/ building the web UI (about a minute; skipped while sources are unchanged) …');
  const { build } = await import('vite');
  // Under a test runner NODE_ENV is 'test', which would make React and antd build in development mode.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', plugins: [progressPlugin(log)] });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  await writeFile(join(root, STAMP_FILE), `${JSON.stringify({ sourceHash, builtAt: new Date().toISOString() })}\n`);
  log(`网页界面已构建 / web UI built: dist/web (${Math.round((Date.now() - started) / 1000)} s)`);
  return true;
}
