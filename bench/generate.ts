/**
 * `npm run generate -- --cases 1m`: realistic bulk data for benchmarks (see docs/performance.md), into the
 * database the environment names (DATABASE_URL, else the embedded one in CIVICLOOP_DATA_DIR).
 */
import { Command } from 'commander';
import { openConfiguredDatabase } from '../src/cli/open-configured-database.ts';
import { bulkGenerateCases } from './generator/bulk-generate.ts';
import { parseSize, prepareBulkBase } from './generator/bulk-prepare.ts';

const program = new Command();
program
  .name('generate')
  .description('生成压测数据（服务须停止）/ Generate realistic benchmark data (stop the server first)')
  .requiredOption('--cases <n>', '工单数量，如 100k、1m、10m / how many cases, e.g. 100k, 1m, 10m')
  .option('--years <n>', '跨越年数 / years of history (default max(2, cases/1M))')
  .option('--seed <n>', '随机种子 / random seed', '20261123')
  .option('--end <iso>', '历史截止时间 / end of the history (default now)')
  .action(async (options: { cases: string; years?: string; seed: string; end?: string }) => {
    const total = parseSize(options.cases);
    const { handle } = await openConfiguredDatabase();
    try {
      const end = options.end ? new Date(options.end) : new Date();
      await prepareBulkBase(handle.db, end);
      let lastPrint = 0;
      const report = await bulkGenerateCases(handle.db, {
        cases: total, end, seed: Number(options.seed), years: options.years ? Number(options.years) : undefined,
        onProgress(p) {
          if (p.cases < p.total && p.elapsedMs - lastPrint < 2000) return;
          lastPrint = p.elapsedMs;
          const rate = p.cases / (p.elapsedMs / 1000);
          const eta = (p.total - p.cases) / Math.max(rate, 1);
          console.log(`已生成 / generated ${p.cases.toLocaleString()}/${p.total.toLocaleString()} cases (${Math.round((100 * p.cases) / p.total)}%), ` +
            `${p.events.toLocaleString()} events, ${Math.round(rate).toLocaleString()} cases/s, ETA ${Math.round(eta)} s`);
        },
      });
      console.log(`完成 / done: ${report.cases.toLocaleString()} cases, ${report.events.toLocaleString()} events, ${report.from.slice(0, 10)} … ${report.to.slice(0, 10)}, ` +
        `${(report.elapsedMs / 1000).toFixed(1)} s; states ${JSON.stringify(report.byState)}`);
    } finally {
      await handle.close();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
