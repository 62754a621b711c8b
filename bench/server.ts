/**
 * The server under test, in its own process: the production app (buildApp) on the bench database,
 * plus one trivial route (/__bench/ping) that is the requests/s ceiling of the same Fastify and
 * /__bench/memory, its RSS.
 * Prints {"port": n} on stdout when listening; stops on SIGTERM.
 * Env: BENCH_DATABASE_URL (PostgreSQL) or BENCH_DATA_DIR (PGlite);.
 */
import { openDatabase } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/config.ts';

const config = { ...loadConfig({ LOG_LEVEL: 'warn' }), demo: false };
const handle = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL || undefined, dataDir: process.env.BENCH_DATA_DIR ?? '' });
const { app } = await buildApp({ handle, config, version: 'bench', logger: false });
app.get('/__bench/ping', async () => ({ ok: true }));
// The serving process's own RSS (bench/lib/memory-sampler.ts).
app.get('/__bench/memory', async () => ({ rss: process.memoryUsage().rss }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => handle.close()).then(() => process.exit(0));
});
