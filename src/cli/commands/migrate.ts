import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('数据库迁移到最新 / Bring the database schema up to date')
    .action(async () => {
      const { handle, migrated } = await openConfiguredDatabase();
      console.log(migrated.length ? `已执行 / applied: ${migrated.join(', ')}` : '已是最新 / already up to date');
      await handle.close();
    });
}
