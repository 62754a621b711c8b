import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';
import { DomainError } from '../../domain/errors.ts';
import type { GridImportProblem } from '../../domain/geo/index.ts';

/** The shared `import` group: other importers may have created it already. */
function importGroup(program: Command): Command {
  return program.commands.find((command) => command.name() === 'import')
    ?? program.command('import').description('导入数据 / Import data');
}

/** `civicloop import grids FILE [--dry-run]`: checks the whole file, imports all or nothing. */
export function registerImportGrids(program: Command): void {
  importGroup(program)
    .command('grids')
    .description('导入网格 GeoJSON（全部或全不，见 docs/grids.md）/ Import grid GeoJSON, all or nothing (see docs/grids.md)')
    .argument('<file>', 'GeoJSON FeatureCollection (WGS84)')
    .option('--dry-run', '只检查不导入 / check only')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const { importGrids } = await import('../../services/geo/index.ts');
      let input: unknown;
      try {
        input = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new Error(`无法读取 GeoJSON / cannot read GeoJSON ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const { handle } = await openConfiguredDatabase();
      try {
        const result = await importGrids(handle.db, input, { dryRun: options.dryRun === true });
        const verb = result.dryRun ? '检查通过（未导入）/ checked, nothing imported' : '已导入 / imported';
        console.log(`${verb}: ${result.features} features; inserted ${result.inserted}, updated ${result.updated}, `
          + `new streets ${result.streetsCreated}, new communities ${result.communitiesCreated}`);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'GRID_IMPORT_INVALID') {
          const problems = (error.details as { problems: GridImportProblem[] }).problems;
          console.error(`网格文件有 ${problems.length} 个问题，未导入任何内容 / ${problems.length} problems; nothing was imported:`);
          for (const p of problems) {
            console.error(`  feature ${p.index ?? '-'}${p.code ? ` (${p.code})` : ''}: ${p.problem}${p.detail ? ` — ${p.detail}` : ''}`);
          }
          process.exitCode = 1;
          return;
        }
        throw error;
      } finally {
        await handle.close();
      }
    });
}
