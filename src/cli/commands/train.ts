import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('重新训练智能派单模型（种子语料 + 本区已派遣工单）/ Retrain the dispatch suggestion model (seed corpus + dispatched cases)')
    .option('--district <code>', '只训练该区（6 位区划代码）/ only this district (6-digit code)')
    .action(async (options: { district?: string }) => {
      const { createServiceDeps } = await import('../../services/create-service-deps.ts');
      const { trainAllDistricts, trainDistrictByCode } = await import('../../services/dispatch/index.ts');
      const { config, handle } = await openConfiguredDatabase();
      try {
        const deps = createServiceDeps(handle.db, config);
        const results = options.district
          ? [await trainDistrictByCode(deps, options.district)]
          : await trainAllDistricts(deps, `cli:${process.pid}`);
        if (results === null) {
          console.error('另一实例正在训练，请稍后再试 / Another instance is training; try again later');
          process.exitCode = 1;
          return;
        }
        for (const result of results) {
          const { seedReports, cases, corrections } = result.trainedOn;
          const note = result.seedOnly ? '（尚无已派遣工单，仅用种子语料 / no dispatched cases yet: seed corpus only）' : '';
          console.log(`${result.districtCode} v${result.version}: 种子 ${seedReports}，工单 ${cases}，纠正 ${corrections} / ` +
            `seed ${seedReports}, cases ${cases}, corrections ${corrections}${note}`);
        }
      } finally {
        await handle.close();
      }
    });
}
