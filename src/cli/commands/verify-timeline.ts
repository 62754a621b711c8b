import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

export function registerVerifyTimeline(program: Command): void {
  program
    .command('verify-timeline')
    .description('校验时间线哈希链 / Check the hash chain over all timeline rows')
    .action(async () => {
      const { verifyTimelineChains } = await import('../../db/repositories/case/index.ts');
      const { handle } = await openConfiguredDatabase();
      const problems = await verifyTimelineChains(handle.db);
      await handle.close();
      if (problems.length === 0) {
        console.log('时间线完整 / timeline chain intact');
        return;
      }
      for (const p of problems) console.error(`区 ${p.districtId}: 事件 ${p.eventId ?? '-'} — ${p.problem}`);
      process.exitCode = 2;
    });
}
