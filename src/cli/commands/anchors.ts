import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

/**
 * `civicloop anchors create` signs each district chain's current position (run it daily, e.g. from cron, and it
 * runs before every monthly bulletin); `civicloop anchors export [--out FILE]` writes every anchor and the public
 * key as JSON, to be kept outside the database (ADR 0037).
 */
export function registerAnchors(program: Command): void {
  const anchors = program.command('anchors').description('时间线锚点（签名的哈希链位置）/ Timeline anchors: signed positions of the hash chains');
  anchors
    .command('create')
    .description('为每个区的哈希链签发锚点（无密钥时在数据目录生成）/ Sign an anchor of every district chain that grew (creates the key file if there is none)')
    .action(async () => {
      const { createAnchors, loadAnchorKey } = await import('../../services/case/index.ts');
      const { config, handle } = await openConfiguredDatabase();
      try {
        const key = await loadAnchorKey(config.timelineKey, { create: true });
        const made = await createAnchors(handle.db, key!, new Date());
        for (const a of made) console.log(`区 ${a.districtId}: 第 ${a.chainSeq} 条 / row ${a.chainSeq} ${a.hash} (key ${a.keyId})`);
        console.log(`已签发 ${made.length} 个锚点 / ${made.length} anchors signed`);
      } finally {
        await handle.close();
      }
    });
  anchors
    .command('export')
    .description('导出全部锚点和公钥（JSON），请保存在数据库之外 / Export every anchor with the public key (JSON); keep it outside the database')
    .option('--out <file>', '输出文件（默认标准输出）/ output file (default: stdout)')
    .action(async (options: { out?: string }) => {
      const { exportAnchors, loadAnchorKey } = await import('../../services/case/index.ts');
      const { config, handle } = await openConfiguredDatabase();
      try {
        const key = await loadAnchorKey(config.timelineKey, { create: false });
        if (!key) throw new Error('没有锚点密钥 / no anchor key: run civicloop anchors create first (or set CIVICLOOP_TIMELINE_KEY)');
        const text = `${JSON.stringify(await exportAnchors(handle.db, key), null, 2)}\n`;
        if (options.out) await writeFile(resolve(options.out), text);
        else process.stdout.write(text);
      } finally {
        await handle.close();
      }
    });
}
