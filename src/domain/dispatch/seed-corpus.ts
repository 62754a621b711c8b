/**
 * The day-one corpus: every seed phrasing said the way reports arrive (a hotline call's "喂，我跟你说…", a
 * grid worker's terse note, a citizen's "麻烦尽快处理"), at places of the district. The bench reads the same
 * phrasings through other templates and holds out the last phrasing of each category, so its accuracy is
 * measured on sentences the model never saw.
 */
import { SEED_PHRASINGS } from './seed-phrasings.ts';

export interface SeedReport {
  categoryCode: string;
  text: string;
}

const TRAINING_TEMPLATES = [
  '{p}',
  '喂，我跟你说，{place}那边{p}，好几天了',
  '你好，我要反映一下，{place}{p}',
  '{place}{p}，麻烦尽快处理',
  '{p}，在{place}附近，谢谢',
  '喂喂，那个{p}啊，就在{place}，你们管不管',
] as const;

/** Wordings the training never uses: the bench's held-out split reads the phrasings through these. */
export const HELD_OUT_TEMPLATES = [
  '您好，{place}这块儿{p}，能不能派人来看看',
  '我是附近居民，{p}，地点{place}',
  '{place}，{p}！！！',
  '哎呀你们快来，{p}，在{place}这儿呢',
] as const;

/** Used when a district has no place names yet: generic spots that are not problems. */
const GENERIC_PLACES = ['小区门口', '学校旁边', '菜市场那儿', '十字路口', '我家楼下'];

function fill(template: string, phrasing: string, place: string): string {
  return template.replace('{p}', phrasing).replace('{place}', place);
}

/**
 * Every seed phrasing (or, with `holdOutLast`, all but the last of each category) through the training templates.
 * @param places - place names of the district, cycled through the templates
 * @example seedReports({ places: ['青年路'] }).some((r) => r.categoryCode === 'C0107') // => true
 */
export function seedReports(options: { places?: readonly string[]; holdOutLast?: boolean; categoryCodes?: ReadonlySet<string> } = {}): SeedReport[] {
  const places = options.places && options.places.length > 0 ? options.places : GENERIC_PLACES;
  const reports: SeedReport[] = [];
  let turn = 0;
  for (const [categoryCode, phrasings] of Object.entries(SEED_PHRASINGS)) {
    if (options.categoryCodes && !options.categoryCodes.has(categoryCode)) continue;
    const used = options.holdOutLast ? phrasings.slice(0, -1) : phrasings;
    for (const phrasing of used) {
      for (const template of TRAINING_TEMPLATES) {
        reports.push({ categoryCode, text: fill(template, phrasing, places[turn % places.length]!) });
        turn += 1;
      }
    }
  }
  return reports;
}

/**
 * The held-out split: each category's last phrasing through the held-out templates, plus every other phrasing
 * through one held-out template (new wording around known problems).
 * @example heldOutReports({ places: ['青年路'] }).length > 0 // => true
 */
export function heldOutReports(options: { places?: readonly string[] } = {}): SeedReport[] {
  const places = options.places && options.places.length > 0 ? options.places : GENERIC_PLACES;
  const reports: SeedReport[] = [];
  let turn = 0;
  for (const [categoryCode, phrasings] of Object.entries(SEED_PHRASINGS)) {
    phrasings.forEach((phrasing, index) => {
      const last = index === phrasings.length - 1;
      const templates = last ? HELD_OUT_TEMPLATES : [HELD_OUT_TEMPLATES[turn % HELD_OUT_TEMPLATES.length]!];
      for (const template of templates) {
        reports.push({ categoryCode, text: fill(template, phrasing, places[turn % places.length]!) });
        turn += 1;
      }
    });
  }
  return reports;
}
