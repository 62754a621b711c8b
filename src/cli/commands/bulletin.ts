import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { BulletinFormat } from '../../services/supervision/index.ts';
import { openConfiguredDatabase } from '../open-configured-database.ts';

/**
 * `civicloop bulletin --district 220106 --month 2026-10 [--out DIR] [--format docx,xlsx]`: writes the monthly bulletin files,
 * after signing an anchor of every chain that grew (printed in section 十一).
 */
export function registerBulletin(program: Command): void {
  program
    .command('bulletin')
    .description('生成月通报 (.docx / .xlsx) / Write the monthly bulletin as Word and Excel files')
    .requiredOption('--district <code>', '区划代码 / district code, e.g. 220106')
    .requiredOption('--month <YYYY-MM>', '月份 / month, e.g. 2026-10')
    .option('--out <dir>', '输出目录 / output directory', '.')
    .option('--format <list>', '格式 / formats: docx,xlsx', 'docx,xlsx')
    .action(async (options: { district: string; month: string; out: string; format: string }) => {
      const { createServiceDeps } = await import('../../services/create-service-deps.ts');
      const { districtForReader, exportBulletin } = await import('../../services/supervision/index.ts');
      const formats = options.format.split(',').map((f) => f.trim()).filter(Boolean) as BulletinFormat[];
      if (formats.some((f) => f !== 'docx' && f !== 'xlsx')) throw new Error('格式只能是 docx 或 xlsx / --format takes docx and/or xlsx');
      const { config, handle } = await openConfiguredDatabase();
      try {
        const deps = createServiceDeps(handle.db, config);
        const admin = { userId: null, role: 'admin' as const, districtId: null, streetId: null, departmentId: null, gridId: null };
        const district = await districtForReader(deps, admin, options.district);
        // Every bulletin prints the chains' latest signed positions: sign the current ones first (ADR 0037).
        const { createAnchors, loadAnchorKey } = await import('../../services/case/index.ts');
        const key = await loadAnchorKey(config.timelineKey, { create: true });
        await createAnchors(handle.db, key!, new Date());
        for (const format of formats) {
          const result = await exportBulletin(deps, district, options.month, format);
          const path = join(resolve(options.out), `bulletin-${district.code}-${options.month}.${format}`);
          await writeFile(path, result.body as Buffer);
          console.log(`已生成 / written: ${path}（${result.document.title}）`);
        }
      } finally {
        await handle.close();
      }
    });
}
