#!/usr/bin/env node
/**
 * civicloop's command line: serve the product, migrate, add users, check the timeline chain.
 * Commands that open the embedded database run while the server is stopped (it is single-process).
 * Each command loads what it needs when it runs, so `civicloop migrate` does not load the web server or the bulletin writers.
 */
import { Command } from 'commander';
import { registerServe } from './commands/serve.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerUserAdd } from './commands/user-add.ts';
import { registerVerifyTimeline } from './commands/verify-timeline.ts';
import { registerSweep } from './commands/sweep.ts';
import { registerTrain } from './commands/train.ts';
import { registerBulletin } from './commands/bulletin.ts';
import { registerImportGrids } from './commands/import-grids.ts';
import { registerApikey } from './commands/apikey.ts';
import { registerCalendar } from './commands/calendar.ts';
import { registerDistrict } from './commands/district.ts';
import { registerBackup } from './commands/backup.ts';
import { registerAnchors } from './commands/anchors.ts';
import { readVersion } from './version.ts';

const program = new Command();
program.name('civicloop').description('城市治理闭环平台 / civicloop — district governance closed loops').version(readVersion());
registerServe(program);
registerMigrate(program);
registerUserAdd(program);
registerVerifyTimeline(program);
registerSweep(program);
registerTrain(program);
registerBulletin(program);
registerImportGrids(program);
registerApikey(program);
registerCalendar(program);
registerDistrict(program);
registerBackup(program);
registerAnchors(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
