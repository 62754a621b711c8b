import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';
import { DomainError } from '../../domain/errors.ts';

/** `civicloop apikey create --name NAME` and `civicloop apikey revoke ID`: Open311 API keys. */
export function registerApikey(program: Command): void {
  const apikey = program.command('apikey').description('Open311 API 密钥 / Open311 API keys');
  apikey
    .command('create')
    .description('新建密钥（只显示一次）/ Create a key (shown once)')
    .requiredOption('--name <name>', '用途或客户端名称 / what the key is for, e.g. FixMyStreet')
    .action(async (options: { name: string }) => {
      const { createApiKey } = await import('../../services/admin/index.ts');
      const name = options.name.trim();
      if (!name || name.length > 100 || /[<>]/.test(name)) throw new Error('名称须为 1–100 个字符且不含 <> / name: 1–100 characters, no <>');
      const { handle } = await openConfiguredDatabase();
      try {
        const created = await createApiKey(handle.db, name, new Date());
        console.log(`已创建 API 密钥 / created API key #${created.id} (${created.name})`);
        console.log(created.key);
        console.log('请妥善保存，此密钥不会再次显示 / Store it now; it is not shown again.');
      } finally {
        await handle.close();
      }
    });
  apikey
    .command('revoke')
    .description('吊销密钥 / Revoke a key')
    .argument('<id>', '密钥编号 / key id')
    .action(async (id: string) => {
      const { revokeApiKey } = await import('../../services/admin/index.ts');
      if (!/^\d{1,9}$/.test(id)) throw new Error(`无效的编号 / invalid id: ${id}`);
      const { handle } = await openConfiguredDatabase();
      try {
        const revoked = await revokeApiKey(handle.db, Number(id), new Date());
        console.log(`已吊销 / revoked API key #${revoked.id} (${revoked.name})`);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') {
          throw new Error(`没有可吊销的密钥 #${id}（不存在或已吊销）/ no active API key #${id} (unknown or already revoked)`, { cause: error });
        }
        throw error;
      } finally {
        await handle.close();
      }
    });
}
