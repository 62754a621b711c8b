// Builds the web UI into dist/web unless it was built from the same sources: npm run build (and npm ci, via prepare).
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../src/server/web-build.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const built = await ensureWebBuild(root, { log: (line) => process.stdout.write(`${line}\n`) });
if (!built) process.stdout.write('网页界面已是最新 / web UI is up to date: dist/web\n');
