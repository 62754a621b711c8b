// Builds the web UI into dist/web unless it was built from the same sources: npm run build (and npm ci, via prepare).
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../src/server/web-build.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const print = (line: string) => process.stdout.write(`${line}\n`);
try {
  if (!(await ensureWebBuild(root, { log: print }))) print('网页界面已是最新 / web UI is up to date: dist/web');
} catch (error) {
  // `npm ci --omit=dev` has no Vite: an API-only install must not fail here; the server says the UI is missing.
  if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  print('未安装 Vite，跳过网页界面构建 / Vite is not installed (dev dependencies omitted): web UI not built');
}
