import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';
import { ROLES, type Role } from '../../domain/case/index.ts';

export function registerUserAdd(program: Command): void {
  const user = program.command('user').description('用户管理 / Users');
  user
    .command('add')
    .description('新增用户 / Add a user')
    .requiredOption('--username <name>', '用户名 / username')
    .requiredOption('--password <password>', '密码（至少 8 位）/ password (8+ characters)')
    .requiredOption('--role <role>', `角色 / role: ${ROLES.join(', ')}`)
    .option('--name <displayName>', '显示名 / display name')
    .option('--district <code>', '区划代码 / district code, e.g. 220106')
    .option('--department <code>', '部门代码 / department code, e.g. cgj')
    .option('--grid <code>', '15 位网格编码 / 15-digit grid code')
    .option('--phone <phone>', '电话 / phone')
    .action(async (options: Record<string, string | undefined>) => {
      const { addUserByCodes } = await import('../../services/admin/index.ts');
      if (!ROLES.includes(options.role as Role)) throw new Error(`未知角色 / unknown role: ${options.role}`);
      const { handle } = await openConfiguredDatabase();
      try {
        const created = await addUserByCodes(handle.db, {
          username: options.username!, password: options.password!, displayName: options.name ?? options.username!,
          role: options.role as Role, districtCode: options.district, departmentCode: options.department, gridCode: options.grid,
          phone: options.phone,
        });
        console.log(`已创建用户 / created user ${created.username} (#${created.id}, ${created.role})`);
      } finally {
        await handle.close();
      }
    });
}
