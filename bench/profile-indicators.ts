/**
 * Diagnostic: where a month's indicator table spends its time (SQL vs the rest), in-process on a
 * fresh PostgreSQL database with `--cases` generated cases. `tsx bench/profile-indicators.ts --cases 50k`
 */
import { createPostgresBench } from './lib/databases.ts';
import { prepareBulkBase, parseSize } from './generator/bulk-prepare.ts';
import { bulkGenerateCases } from './generator/bulk-generate.ts';
import { createCalendarCache } from '../src/services/calendar/calendar-cache.ts';
import { computeIndicatorTable, computeRanking, districtForReader } from '../src/services/supervision/indicator-service.ts';
import { loadCaseFacts, loadFlowFacts, loadNoticeFacts, loadRatingFacts, listUnits } from '../src/db/repositories/supervision/indicator-repository.ts';
import { parsePeriod } from '../src/domain/supervision/period.ts';
import { lastMonth } from './lib/fixture.ts';
import { timeRepeated } from './lib/stats.ts';
import { withAfterCommit } from '../src/services/case/post-commit.ts';
import { QUIET_INTEGRATION_SETTINGS } from '../src/services/service-deps.ts';

const index = process.argv.indexOf('--cases');
const cases = parseSize(index >= 0 ? process.argv[index + 1]! : '50k');
const bench = await createPostgresBench('civicloop_bench_profile');
const handle = await bench.open();
try {
  const now = new Date();
  await prepareBulkBase(handle.db, now);
  await bulkGenerateCases(handle.db, { cases, end: now });
  const deps = withAfterCommit({ db: handle.db, clock: () => new Date(), calendar: createCalendarCache(handle.db), settings: { sessionHours: 12, sessionIdleMinutes: 30, reopenWindowDays: 30, integrations: QUIET_INTEGRATION_SETTINGS } });
  const district = await districtForReader(deps, { userId: null, role: 'admin', districtId: null, streetId: null, departmentId: null, gridId: null }, '220106');
  const period = parsePeriod(lastMonth(now));
  const sqlOnly = await timeRepeated(10, () => Promise.all([
    listUnits(handle.db, district.id, 'street'),
    loadCaseFacts(handle.db, district.id, 'street', period.start, period.end),
    loadFlowFacts(handle.db, district.id, 'street', period.start, period.end),
    loadRatingFacts(handle.db, district.id, 'street', period.start, period.end),
    loadNoticeFacts(handle.db, district.id, 'street', period.start, period.end),
  ]));
  const table = await timeRepeated(10, () => computeIndicatorTable(deps, district, 'street', period));
  const ranking = await timeRepeated(10, () => computeRanking(deps, district, 'department', period));
  const facts = await loadCaseFacts(handle.db, district.id, 'street', period.start, period.end);
  console.log(JSON.stringify({ cases, caseFacts: facts.length, sqlOnly, table, ranking }, null, 1));
} finally {
  await handle.close();
  await bench.drop();
}
