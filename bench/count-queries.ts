/**
 * Diagnostic: how many statements one intake (POST /api/v1/cases) sends, in-process on a fresh
 * PostgreSQL bench database: those sent before the answer, and those of the after-commit pass (linker,
 * integrations, outbox) that the answer no longer waits for (issue 10). `tsx bench/count-queries.ts`
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { createPostgresBench } from './lib/databases.ts';
import { prepareBulkBase } from './generator/bulk-prepare.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/config.ts';

const bench = await createPostgresBench('civicloop_bench_count');
const handle = await bench.open();
await prepareBulkBase(handle.db, new Date());
const counted: string[] = [];
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: bench.url, max: 10 }) }),
  log: (event) => {
    if (event.level === 'query') counted.push(event.query.sql.replace(/\s+/g, ' ').slice(0, 90));
  },
});
const { app, services } = await buildApp({ handle: { ...handle, db }, config: { ...loadConfig({}), demo: false }, version: 'count', logger: false });
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator-220106', password: 'demo1234' } });
const token = JSON.parse(login.body).token as string;
const grid = await handle.db.selectFrom('grids').select('code').where('code', 'like', '220106%').limit(1).executeTakeFirstOrThrow();
for (let i = 0; i < 3; i += 1) {
  counted.length = 0;
  const response = await app.inject({
    method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` },
    payload: { kind: 'event', categoryCode: 'E0502', description: '压测工单 bench', gridCode: grid.code.trim() },
  });
  const answered = [...counted];
  await services.afterCommit.drain();
  const pass = counted.slice(answered.length);
  console.log(`intake #${i + 1}: status ${response.statusCode}, ${answered.length} statements before the answer (BEGIN/COMMIT included), then ${pass.length} of the after-commit pass and the drain's check`);
  if (i === 2) {
    console.log(' before the answer (the pass may interleave with the answer\'s reads):');
    for (const line of answered) console.log(`  ${line}`);
    console.log(' after the answer:');
    for (const line of pass) console.log(`  ${line}`);
  }
}
await app.close();
await db.destroy();
await handle.close();
await bench.drop();
