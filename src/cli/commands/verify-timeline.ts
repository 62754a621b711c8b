import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

export function registerVerifyTimeline(program: Command): void {
  program
    .command('verify-timeline')
    .description('校验时间线哈希链，并报告超过一分钟未入链的记录 / Check the hash chain and report rows unlinked for over a minute')
    .action(async () => {
      const { verifyTimelineChains } = await import('../../db/repositories/case/index.ts');
      const { handle } = await openConfiguredDatabase();
      const problems = await verifyTimelineChains(handle.db);
      await handle.close();
      if (problems.length === 0) {
        console.log('时间线完整 / timeline chain intact');
        return;
      }
      for (const p of problems) console.error(`区 ${p.districtId}: 事件 ${p.eventId ?? '-'} — ${p.kind === 'tampered' ? '哈希链被破坏' : '超过一分钟未入链'} / ${p.problem}`);
      // 2: the record was altered; 1: only rows waiting too long for the linker (is a worker running?).
      process.exitCode = problems.some((p) => p.kind === 'tampered') ? 2 : 1;
    });
}
