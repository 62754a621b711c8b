import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

export function registerVerifyTimeline(program: Command): void {
  program
    .command('verify-timeline')
    .description('校验时间线哈希链、工单行和锚点，并报告超过一分钟未入链的记录 / Check the hash chains, the cases rows and the anchors, and report rows unlinked for over a minute')
    .option('--anchors <file>', '在数据库外保存的锚点文件（civicloop anchors export）/ an anchors file kept outside the database (civicloop anchors export)')
    .option('--public-key <file>', '用此公钥校验锚点签名（默认由配置的密钥得出）/ check anchor signatures with this public key (default: the configured key\'s)')
    .action(async (options: { anchors?: string; publicKey?: string }) => {
      const { verifyTimelineChains } = await import('../../db/repositories/case/index.ts');
      const { anchorKeyFromPublicPem, loadAnchorKey, parseAnchorExport, verifyAnchors } = await import('../../services/case/index.ts');
      const { config, handle } = await openConfiguredDatabase();
      const given = options.anchors ? parseAnchorExport(await readFile(options.anchors, 'utf8')).anchors : [];
      const key = options.publicKey ? anchorKeyFromPublicPem(await readFile(options.publicKey, 'utf8')) : await loadAnchorKey(config.timelineKey, { create: false });
      let problems;
      try {
        problems = [...await verifyTimelineChains(handle.db), ...await verifyAnchors(handle.db, key, given)];
      } finally {
        await handle.close();
      }
      if (!key) console.log('未找到锚点密钥，未校验锚点签名 / no anchor key found: anchor signatures were not checked');
      if (problems.length === 0) {
        console.log('时间线完整 / timeline chain intact');
        return;
      }
      for (const p of problems) console.error(`区 ${p.districtId}: 事件 ${p.eventId ?? '-'} — ${p.kind === 'tampered' ? '哈希链被破坏' : '超过一分钟未入链'} / ${p.problem}`);
      // 2: the record was altered; 1: only rows waiting too long for the linker (is a worker running?).
      process.exitCode = problems.some((p) => p.kind === 'tampered') ? 2 : 1;
    });
}
