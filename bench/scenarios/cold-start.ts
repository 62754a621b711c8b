/**
 * Cold start of `npm start` (tsx src/cli/index.ts serve) on an existing database: time from spawn until
 * /api/v1/health answers 200. Ceiling: a bare Fastify started the same way (tsx) answering that path.
 * "Cold" is the process; the OS page cache is warm from the run before.
 */
import { join } from 'node:path';
import { ROOT, TSX, freePort, timeUntilHealthy } from '../lib/child.ts';
import { ensureWebBuild } from '../../src/server/web-build.ts';

export async function coldStart(env: Record<string, string>, runs: number) {
  // The server rebuilds a stale UI before it listens (minutes on a loaded machine): a checkout whose web sources
  // changed during a long run (a merge, an edit) would time the build, not the start. Built here, untimed.
  await ensureWebBuild(ROOT, { log: (line) => console.log(`[bench cold start] ${line}`) });
  const serve: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    let port = await freePort();
    bare.push(await timeUntilHealthy(TSX, [join(ROOT, 'bench/lib/bare-server.ts')], { PORT: String(port) }, port, '/api/v1/health'));
    port = await freePort();
    serve.push(await timeUntilHealthy(TSX, [join(ROOT, 'src/cli/index.ts'), 'serve'], {
      ...env, PORT: String(port), HOST: '127.0.0.1', CIVICLOOP_DEMO: '0', LOG_LEVEL: 'warn',
    }, port, '/api/v1/health'));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { serveMs: median(serve), bareMs: median(bare), serveRuns: serve, bareRuns: bare };
}
