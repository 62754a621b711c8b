/**
 * `npm run bench:dispatch` — accuracy and speed of the dispatch suggestions (issue 14), no database needed.
 *
 * 1. Seed corpus, held out: trained without each category's last phrasing and without the held-out templates,
 *    measured on exactly those (sentences the model never saw).
 * 2. With generated history: the same, plus a district history of generated dispatched cases (the known
 *    phrasings with other time and place wording, one in ten an operator's correction), measured on the same
 *    held-out split.
 * 3. The separate held-out set (bench/dispatch-held-out.ts, whole reports written apart from the corpus), against the
 *    model trained on every seed phrasing, as production trains.
 * Prints top-1 / top-3 / top-5 accuracy, suggestions per second and p95 per suggestion. See docs/performance.md.
 */
import { CATEGORY_SEEDS } from '../src/db/seed/categories.ts';
import { DEMO_DISTRICTS } from '../src/db/seed/demo-org.ts';
import {
  buildDispatchModel, heldOutReports, placeNameVariants, SEED_PHRASINGS, suggestCategories,
  type DispatchedCaseLabel, type DispatchModel, type FeatureOptions,
} from '../src/domain/dispatch/index.ts';
import { jiebaSegmenter } from '../src/services/dispatch/index.ts';
import { createRandom } from '../src/services/seed/seeded-random.ts';
import { heldOutSet } from './dispatch-held-out.ts';

const district = DEMO_DISTRICTS[0]!;
const places = placeNameVariants([district.name, ...district.streets.flatMap((street) => [street.name, ...street.communities.map((c) => c.name)])]);
const features: FeatureOptions = { segment: jiebaSegmenter(places), placeNames: places };
const activeCategoryCodes = new Set(CATEGORY_SEEDS.map((category) => category.code));
const categoryNames = new Map(CATEGORY_SEEDS.map((category) => [category.code, [category.minorName]]));
const heldOut = heldOutReports({ places });
// Written apart from the corpus (bench/dispatch-held-out.ts): measured against the model trained on every seed phrasing.
const separate = heldOutSet(places);
const unknownCodes = separate.filter((report) => !activeCategoryCodes.has(report.categoryCode));
if (unknownCodes.length > 0) throw new Error(`held-out set names unknown categories: ${unknownCodes.map((r) => r.categoryCode).join(', ')}`);
// The set stays separate: no training phrasing may appear in it word for word.
const copied = separate.filter((report) => Object.values(SEED_PHRASINGS).some((phrasings) => phrasings.some((phrasing) => report.text.includes(phrasing))));
if (copied.length > 0) throw new Error(`held-out reports contain a seed phrasing verbatim: ${copied.map((r) => r.text).join(' / ')}`);

const HISTORY_WORDING = ['今天早上{place}{p}', '{p}（{place}）', '昨晚{place}发现{p}', '网格员巡查：{place}{p}', '市民来电称{place}{p}'];

function generatedHistory(count: number): DispatchedCaseLabel[] {
  const random = createRandom(14);
  const entries = Object.entries(SEED_PHRASINGS);
  const history: DispatchedCaseLabel[] = [];
  for (let i = 0; i < count; i += 1) {
    const [categoryCode, phrasings] = random.pick(entries);
    const phrasing = random.pick(phrasings.slice(0, -1));
    const text = random.pick(HISTORY_WORDING).replace('{p}', phrasing).replace('{place}', random.pick(places));
    history.push({ text, categoryCode, departmentId: null, corrected: random.next() < 0.1 });
  }
  return history;
}

// The held-out phrasings proper: each category's last one (the rest of the split is known phrasings in new wording).
const unseenPhrasings = Object.values(SEED_PHRASINGS).map((phrasings) => phrasings.at(-1)!);
const unseenOnly = heldOut.filter((report) => unseenPhrasings.some((phrasing) => report.text.includes(phrasing)));

function measure(name: string, model: DispatchModel, reports = heldOut) {
  let top1 = 0;
  let top3 = 0;
  let top5 = 0;
  const times: number[] = [];
  const started = performance.now();
  for (const report of reports) {
    const t0 = performance.now();
    const ranked = suggestCategories(model, report.text, features, 5);
    times.push(performance.now() - t0);
    if (ranked[0]?.categoryCode === report.categoryCode) top1 += 1;
    if (ranked.slice(0, 3).some((entry) => entry.categoryCode === report.categoryCode)) top3 += 1;
    if (ranked.some((entry) => entry.categoryCode === report.categoryCode)) top5 += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const percent = (n: number) => `${((100 * n) / reports.length).toFixed(1)}%`;
  console.log(`| ${name} | ${reports.length} | ${percent(top1)} | ${percent(top3)} | ${percent(top5)} | ${Math.round(reports.length / seconds)} | ${times[Math.floor(times.length * 0.95)]!.toFixed(2)} ms |`);
}

let t0 = performance.now();
const seedOnly = buildDispatchModel({ history: [], activeCategoryCodes, categoryNames, features, places, holdOutLastSeedPhrasing: true });
const seedTrainMs = performance.now() - t0;
t0 = performance.now();
const withHistory = buildDispatchModel({ history: generatedHistory(5_000), activeCategoryCodes, categoryNames, features, places, holdOutLastSeedPhrasing: true });
const historyTrainMs = performance.now() - t0;
const fullSeed = buildDispatchModel({ history: [], activeCategoryCodes, categoryNames, features, places });
const fullWithHistory = buildDispatchModel({ history: generatedHistory(5_000), activeCategoryCodes, categoryNames, features, places });

console.log(`dispatch bench: ${activeCategoryCodes.size} categories, district ${district.code}, ${places.length} place names`);
console.log(`training: seed only ${seedTrainMs.toFixed(0)} ms, seed + 5,000 generated cases ${historyTrainMs.toFixed(0)} ms`);
console.log('| model | held-out reports | top-1 | top-3 | top-5 | suggestions/s | p95 |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
measure('seed corpus', seedOnly);
measure('seed + generated history', withHistory);
measure('seed corpus, unseen phrasings only', seedOnly, unseenOnly);
measure('seed + history, unseen phrasings only', withHistory, unseenOnly);
measure('full seed corpus, separate held-out set', fullSeed, separate);
measure('full seed + history, separate held-out set', fullWithHistory, separate);
