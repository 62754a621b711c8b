// Runs PGlite in its own thread behind a PostgreSQL wire-protocol socket, so a long query never
// freezes the server's event loop (reference/stack.md §1e). Plain JS: workers get no TS loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const db = await PGlite.create(workerData.dir, {
  extensions: { pg_trgm },
  // WAL is not recycled under the default max_wal_size; keep the data directory small.
  postgresqlconf: ['max_wal_size=256MB', 'min_wal_size=64MB'],
});
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
await server.start();
const port = Number(server.getServerConn().split(':').pop());
parentPort.postMessage({ type: 'ready', port });

parentPort.on('message', async (message) => {
  if (message?.type !== 'stop') return;
  await server.stop();
  await db.close();
  parentPort.postMessage({ type: 'stopped' });
});
