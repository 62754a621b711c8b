import type { Command } from 'commander';
import { openConfiguredDatabase } from '../open-configured-database.ts';

/** 'HH:MM-HH:MM,HH:MM-HH:MM' → working periods. */
function readHours(value: string) {
  return { periods: value.split(',').map((part) => { const [start = '', end = ''] = part.split('-'); return { start, end }; }) };
}

/** 'closeRate:50,satisfactionRate:50' → weights. */
function readWeights(value: string) {
  return Object.fromEntries(value.split(',').map((part) => { const [rate = '', weight = ''] = part.split(':'); return [rate, Number(weight)]; }));
}

/**
 * Reads `key=value` arguments into a settings patch; the settings schema then judges the values.
 * @example readSettingArgs(['rectificationDays=7', 'workingHours=09:00-17:00']) // { rectificationDays: 7, workingHours: { periods: [{ start: '09:00', end: '17:00' }] } }
 */
export function readSettingArgs(pairs: readonly string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`expected key=value, got "${pair}"`);
    const key = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (key === 'workingHours') patch[key] = readHours(value);
    else if (key === 'indicatorWeights') patch[key] = readWeights(value);
    else patch[key] = value === 'null' ? null : Number(value);
  }
  return patch;
}

export function registerDistrict(program: Command): void {
  const district = program.command('district').description('区级配置 / District settings');
  district
    .command('set')
    .argument('<code>', '区划代码 / district code, e.g. 220106')
    .argument('<pairs...>', 'key=value, e.g. rectificationDays=7 workingHours=08:30-12:00,13:00-17:30 indicatorWeights=closeRate:50,satisfactionRate:50')
    .description('修改区级配置（自下月起生效）/ Change district settings (from next month)')
    .action(async (code: string, pairs: string[]) => {
      const patch = readSettingArgs(pairs);
      const { createServiceDeps } = await import('../../services/create-service-deps.ts');
      const { changeDistrictSettings } = await import('../../services/org/index.ts');
      const { DomainError } = await import('../../domain/errors.ts');
      const { config, handle } = await openConfiguredDatabase();
      try {
        const result = await changeDistrictSettings(createServiceDeps(handle.db, config), code, patch, null);
        console.log(`已修改 ${code} 区级配置，自 ${result.appliesFrom} 起生效 / settings of ${code} changed, in force from ${result.appliesFrom}`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        throw new Error(`${error.code} ${JSON.stringify(error.details ?? {})}`, { cause: error });
      } finally {
        await handle.close();
      }
    });
}
