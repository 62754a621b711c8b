import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('执行一次超期预警巡检（黄牌/红牌、督办升级、项目月报缺报）/ Run one warning sweep (amber/red, notice escalation, missing project reports)')
    .action(async () => {
      const { createServiceDeps } = await import('../../services/create-service-deps.ts');
      const { runSweep } = await import('../../services/supervision/index.ts');
      const { config, handle } = await openConfiguredDatabase();
      try {
        const deps = createServiceDeps(handle.db, config);
        const result = await runSweep(deps);
        // No server may be running to link the sweep's events: link them before the process ends (ADR 0006).
        await deps.afterCommit.drain();
        const { sweepProjectMonths } = await import('../../services/projects/index.ts');
        for (const notice of await sweepProjectMonths(deps)) {
          console.log(`${notice.district} ${notice.month} 项目月报缺报 ${notice.missing} 个，已通知 / ${notice.missing} project report(s) missing, notified`);
        }
        console.log(
          `检查 ${result.examined} 件；黄牌 ${result.amber}，红牌 ${result.red}，督办升级 ${result.noticesEscalated} / ` +
            `examined ${result.examined}; amber ${result.amber}, red ${result.red}, notices escalated ${result.noticesEscalated}`,
        );
      } finally {
        await handle.close();
      }
    });
}
