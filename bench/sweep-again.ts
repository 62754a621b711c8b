/**
 * The sweep's minute-by-minute cost on a database `bench/sweep-open.ts --keep` left: `--rounds` (2) runs a minute
 * apart, each the production sweep twice at once (the first raises what crossed a threshold in that minute, the
 * second is the steady state), beside the read of every worked-on case once. `tsx bench/sweep-again.ts [--rounds 2]`
 */
import { argument } from './lib/cli-args.ts';
import { sweep, sweepReadCeiling } from './scenarios/database.ts';
import { openDatabase } from '../src/db/connect.ts';
import { PG_BASE_URL } from './lib/databases.ts';

const rounds = Number(argument('rounds', '2'));
const url = new URL(PG_BASE_URL);
url.pathname = '/civicloop_bench_sweep_open';
const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
try {
  for (let round = 1; round <= rounds; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
    const [crossings, steady] = await sweep(handle.db);
    const ceiling = await sweepReadCeiling(handle.db);
    console.log(`round ${round}: a minute's crossings ${crossings!.ms.toFixed(0)} ms ${JSON.stringify(crossings!.result)}; steady ${steady!.ms.toFixed(0)} ms; read of every worked-on case ${ceiling.toFixed(0)} ms`);
  }
} finally {
  await handle.close();
}
