import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('工作日历 / The working calendar');
  calendar
    .command('import')
    .argument('<file>', '国务院办公厅节假日安排通知的文本文件 / text file of the State Council holiday notice')
    .option('--confirm', '替换已有正式安排的年度 / replace a year that already has an official schedule')
    .description('导入节假日安排通知 / Import a State Council holiday notice (as the admin page does)')
    .action(async (file: string, options: { confirm?: boolean }) => {
      const { readFile } = await import('node:fs/promises');
      const { createServiceDeps } = await import('../../services/create-service-deps.ts');
      const { applyNotice } = await import('../../services/calendar/index.ts');
      const { DomainError } = await import('../../domain/errors.ts');
      const text = await readFile(file, 'utf8');
      const { config, handle } = await openConfiguredDatabase();
      try {
        const result = await applyNotice(createServiceDeps(handle.db, config), text, { confirm: options.confirm ?? false, actorUserId: null });
        for (const change of result.changes) {
          console.log(`  ${change.date}  ${change.before.isWorkingDay ? '上班' : '休息'} → ${change.after.isWorkingDay ? '上班' : '休息'}  ${change.after.name ?? ''}`);
        }
        console.log(`已导入 ${result.year} 年节假日安排，改动 ${result.changes.length} 天 / imported ${result.year}: ${result.changes.length} days changed`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const details = error.details as { line?: number | null; text?: string | null; changes?: unknown[] } | undefined;
        const where = details?.line ? ` (line ${details.line}: ${details.text})` : '';
        const diff = details?.changes ? ` (${details.changes.length} days would change; run again with --confirm)` : '';
        throw new Error(`${error.code}${where}${diff}`, { cause: error });
      } finally {
        await handle.close();
      }
    });
}
