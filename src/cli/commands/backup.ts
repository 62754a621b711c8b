import type { Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig, type AppConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/connect.ts';

/** The photo store this process is configured with, seen through a given connection or transaction. */
async function storageFor(config: AppConfig, handle: DatabaseHandle) {
  const { attachmentStoreKind, createAttachmentStorage } = await import('../../services/case/index.ts');
  const kind = attachmentStoreKind(config.attachmentStore, handle.kind);
  return (db: DatabaseHandle['db']) => createAttachmentStorage({ kind, db, dataDir: config.dataDir, s3: config.s3 });
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .argument('<file>', '备份文件（gzip 压缩的 JSON 行）/ the backup file (gzip\'d JSON lines)')
    .description('备份全部数据（含照片）；PostgreSQL 可在服务运行时备份，内嵌数据库需先停止服务 / Back up every table, sequence and photo; on PostgreSQL while the server runs, on the embedded database with it stopped')
    .action(async (file: string) => {
      const { openConfiguredDatabase } = await import('../open-configured-database.ts');
      const { writeBackup } = await import('../../services/admin/index.ts');
      const { config, handle } = await openConfiguredDatabase();
      try {
        const summary = await writeBackup(handle.db, handle.kind, await storageFor(config, handle), resolve(file));
        console.log(`已备份 / backed up: ${summary.tables} tables, ${summary.rows} rows, ${summary.photos} photo files → ${file}`);
        if (summary.missingPhotos.length > 0) {
          console.error(`缺少 ${summary.missingPhotos.length} 个照片文件 / ${summary.missingPhotos.length} photo files named by attachments are missing from the store: ${summary.missingPhotos.slice(0, 10).join(', ')}`);
          process.exitCode = 1;
        }
      } finally {
        await handle.close();
      }
    });
  program
    .command('restore')
    .argument('<file>', '由 civicloop backup 写出的文件 / a file written by civicloop backup')
    .option('--force', '替换已有工单的数据库 / replace a database that already holds cases', false)
    .description('从备份恢复（全部或全不）；内嵌数据库需先停止服务 / Restore a backup, all or nothing; stop the server first on the embedded database')
    .action(async (file: string, options: { force: boolean }) => {
      const { openDatabase } = await import('../../db/connect.ts');
      const { restoreBackup } = await import('../../services/admin/index.ts');
      const config = loadConfig();
      const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: { error: (message) => process.stderr.write(`${message}\n`) } });
      try {
        const result = await restoreBackup(handle.db, await storageFor(config, handle), resolve(file), { force: options.force });
        console.log(`已恢复 / restored: ${result.rows} rows, ${result.photos} photo files from ${file}. Run civicloop verify-timeline to check the chain.`);
      } finally {
        await handle.close();
      }
    });
}
