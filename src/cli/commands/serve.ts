import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

export function registerServe(program: Command): void {
  program
    .command('serve', { isDefault: true })
    .description('启动服务（API + 网页）/ Run the server with the web UI')
    .action(async () => {
      const { startServer } = await import('../../server/main.ts');
      const { config, handle } = await openConfiguredDatabase();
      await startServer(config, handle, (line) => process.stdout.write(`${line}\n`));
    });
}
