/**
 * Runs the product: reference data, demo data when asked, the HTTP server, and a clean shutdown.
 * `npm start` lands here through the CLI's serve command.
 */
import type { AppConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { seedCalendar, seedCategories } from '../services/seed/index.ts';
import { DEMO_PASSWORD, seedDemoOrg, seedDemoUsers } from '../services/seed/index.ts';
import { seedDemoCases } from '../services/seed/index.ts';
import { ENTERPRISE_DEMO_USER, seedDemoEnterprises } from '../services/seed/index.ts';
import { lockDemoPasswordAccounts, seedDemoProjects } from '../services/seed/index.ts';
import { buildApp } from './app.ts';
import { readVersion } from '../cli/version.ts';
import { startSweepLoop } from '../services/supervision/index.ts';
import { startAnchorLoop, startPostCommitLoop } from '../services/case/index.ts';
import { startRetrainLoop } from '../services/dispatch/index.ts';
import { hostname } from 'node:os';
import { seedDemoGeometry } from '../db/seed/demo-geometry.ts';
import { DEMO_SERVICE_ITEMS } from '../db/seed/demo-service-items.ts';
import { seedServiceItems, startDefaultRatingLoop } from '../services/applications/index.ts';
import { startProjectMonthLoop } from '../services/projects/index.ts';
import { ensureWebBuild } from './web-build.ts';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The worker's timer for the linker and the outbox; commits kick them at once, this catches the rest. */
const POST_COMMIT_INTERVAL_MS = 5_000;
/**
 * How long closing may take once a stop is asked for (after the demo content): a query that never returns must
 * not keep the process alive for good (review B.1). Exiting then is no worse than a SIGKILL, which loses nothing
 * committed (test/http/crash-recovery*.test.ts).
 */
const SHUTDOWN_GRACE_MS = 60_000;

/** Lines for the person who started the server (demo accounts, address); the CLI prints them. */
export type Print = (line: string) => void;

/** Seeds reference data and the demo's districts, grids and accounts (seconds). @returns the years whose calendar is only estimated */
async function prepareData(config: AppConfig, handle: DatabaseHandle, print: Print): Promise<{ provisionalYears: number[]; firstStart: boolean }> {
  const now = new Date();
  await seedCategories(handle.db);
  const { provisionalYears } = await seedCalendar(handle.db, now);
  if (!config.demo) return { provisionalYears, firstStart: false };
  const firstStart = await seedDemoOrg(handle.db);
  // Synthetic grid polygons (绿园区 filled to its 700 grids); before the server routes any point.
  await seedDemoGeometry(handle.db);
  const users = await seedDemoUsers(handle.db);
  const serviceItems = await seedServiceItems(handle.db, DEMO_SERVICE_ITEMS, now);
  if (serviceItems > 0) print(`已生成 ${serviceItems} 个演示政务服务事项 / ${serviceItems} demo service items created`);
  print(`\n演示模式 / DEMO MODE — 演示账号（密码均为 ${DEMO_PASSWORD}）/ demo users (password ${DEMO_PASSWORD}):`);
  for (const user of users) print(`  ${user.username.padEnd(22)} ${user.role.padEnd(12)} ${user.displayName}`);
  print(`  ${ENTERPRISE_DEMO_USER.padEnd(22)} ${'enterprise'.padEnd(12)} 企业演示账号（长春万华汽车实业）/ enterprise portal`);
  print('');
  return { provisionalYears, firstStart };
}

/**
 * The demo's cases, projects and enterprises, made after the server listens: on a first start they take
 * longer than the whole start may (they run the real case loop, hundreds of transitions), and nothing
 * needs them to sign in or to report a case. The lists fill while the newcomer opens the first page.
 */
async function seedDemoContent(handle: DatabaseHandle, firstStart: boolean, print: Print): Promise<void> {
  const now = new Date();
  if (firstStart) {
    print('正在后台生成演示工单与项目（约一分钟，可先登录）/ creating demo cases and projects in the background (about a minute; sign in meanwhile) …');
    const count = await seedDemoCases(handle.db, now);
    const projects = await seedDemoProjects(handle.db, now);
    print(`已生成 ${count} 个演示工单、${projects} 个演示重点项目（投资额等为示意数据）/ ${count} demo cases and ${projects} demo projects created (figures are illustrative)`);
  }
  // Its own check (no enterprise yet), so a demo database made before enterprises existed gains them too.
  const enterprises = await seedDemoEnterprises(handle.db, now);
  if (enterprises > 0) print(`已生成 ${enterprises} 家演示企业及惠企政策 / ${enterprises} demo enterprises and policies created`);
}

/** Seeds what is needed, listens, and closes everything on SIGINT/SIGTERM. */
export async function startServer(config: AppConfig, handle: DatabaseHandle, print: Print): Promise<void> {
  const { provisionalYears, firstStart } = await prepareData(config, handle, print);
  await ensureWebBuild(REPO_ROOT, { log: print });
  const { app, services } = await buildApp({ handle, config, version: readVersion(), webDir: join(REPO_ROOT, 'dist', 'web') });
  handle.setLog?.({ error: (message) => app.log.error(message) });
  if (!config.demo) {
    const locked = await lockDemoPasswordAccounts(services, new Date());
    if (locked.length > 0) app.log.warn({ locked }, `演示模式已关闭，仍使用演示密码的 ${locked.length} 个账号已停用 / demo mode is off: ${locked.length} accounts with the demo password were disabled`);
  }
  if (provisionalYears.length > 0) {
    const years = provisionalYears.join(', ');
    app.log.warn({ provisionalYears }, `工作日历 ${years} 年尚无国务院节假日通知，按法定假日推算，待通知公布后请管理员导入 / ` +
      `The working calendar for ${years} is estimated from the statutory holidays; import the State Council notice when it is published.`);
  }
  // The sweep claims its rows in the database, so several instances may run it side by side.
  const sweep = config.sweepSeconds > 0
    ? startSweepLoop(services, config.sweepSeconds * 1000, (error) => app.log.error({ err: error }, 'warning sweep failed'))
    : null;
  // One instance at a time retrains (lease in worker_leases); the others pick the new version up on their next suggestion.
  const retrain = config.dispatchRetrainMinutes > 0
    ? startRetrainLoop(services, `${hostname()}:${process.pid}`, config.dispatchRetrainMinutes * 60_000,
      (error) => app.log.error({ err: error }, 'dispatch model retraining failed'))
    : null;
  // 一事一评: unrated applications get the district's default rating after its days (same period as the sweep).
  const defaultRatings = config.sweepSeconds > 0
    ? startDefaultRatingLoop(services, config.sweepSeconds * 1000, (error) => app.log.error({ err: error }, 'default ratings failed'))
    : null;
  // Project months: a closed month's 四率 frozen and its missing reports notified, once (same period as the sweep).
  const projectMonths = config.sweepSeconds > 0
    ? startProjectMonthLoop(services, config.sweepSeconds * 1000, (error) => app.log.error({ err: error }, 'project month sweep failed'))
    : null;
  // Before listening: what a previous process committed but did not link or drain (a crash) is done first.
  await services.afterCommit.drain().catch((error: unknown) => app.log.error({ err: error }, 'timeline link / outbox drain failed'));
  const postCommit = startPostCommitLoop(services, POST_COMMIT_INTERVAL_MS, (error) => app.log.error({ err: error }, 'timeline link / outbox drain failed'));
  // Signed timeline anchors (ADR 0037), once `civicloop anchors create` has made the key.
  const anchors = config.anchorHours > 0
    ? startAnchorLoop(handle.db, config.timelineKey, () => new Date(), config.anchorHours * 3_600_000, (error) => app.log.error({ err: error }, 'timeline anchors failed'))
    : null;
  let demoContent: Promise<void> = Promise.resolve();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await demoContent;
    setTimeout(() => {
      app.log.error(`${SHUTDOWN_GRACE_MS / 1000} 秒内未能正常关闭，强制退出 / did not close within ${SHUTDOWN_GRACE_MS / 1000} s: exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await sweep?.stop();
    await retrain?.stop();
    await defaultRatings?.stop();
    await projectMonths?.stop();
    await postCommit.stop();
    await anchors?.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // The address is printed once, by us, with the docs path; Fastify's own line would repeat it.
  const address = await app.listen({ port: config.port, host: config.host, listenTextResolver: () => 'listening' });
  const url = address.replace('127.0.0.1', 'localhost');
  print(`civicloop 已启动 / is running: ${url}  (API 文档 / API docs: /api/docs, 数据库 / database: ${handle.kind})`);
  if (config.demo) {
    demoContent = seedDemoContent(handle, firstStart, print)
      .catch((error: unknown) => app.log.error({ err: error }, 'demo data failed'));
  }
}
