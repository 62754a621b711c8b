import { describe, expect, it } from 'vitest';
import { buildDispatchModel, CORRECTION_WEIGHT, suggestCategories, type DispatchedCaseLabel } from './dispatch-model.ts';
import { rankLabels, trainNaiveBayes } from './naive-bayes.ts';
import { placeNameVariants } from './place-names.ts';
import { SEED_PHRASINGS } from './seed-phrasings.ts';
import { COLLOQUIAL_PHRASINGS } from './colloquial-phrasings.ts';
import { extractFeatures } from './text-features.ts';

// Splitting at punctuation only (the features are then mostly bigrams): the domain tests need no native segmenter.
const features = { segment: (text: string) => text.split(/([\p{P}\s]+)/u) };
const ALL = new Set(Object.keys(SEED_PHRASINGS));

describe('naive Bayes', () => {
  it('ranks the label whose examples share the features first, confidences summing to at most 1', () => {
    const model = trainNaiveBayes([
      { features: ['b:路灯', 'b:不亮'], label: 'lamp', weight: 1 },
      { features: ['b:垃圾', 'b:满了'], label: 'bin', weight: 1 },
    ]);
    const ranked = rankLabels(model, ['b:路灯'], 5);
    expect(ranked.map((entry) => entry.label)).toEqual(['lamp', 'bin']);
    expect(ranked[0]!.confidence).toBeGreaterThan(0.5);
    expect(ranked.reduce((sum, entry) => sum + entry.confidence, 0)).toBeCloseTo(1, 6);
  });

  it('answers nothing for features it never saw', () => {
    const model = trainNaiveBayes([{ features: ['b:路灯'], label: 'lamp', weight: 1 }]);
    expect(rankLabels(model, ['b:天气'], 5)).toEqual([]);
  });
});

describe('the dispatch model', () => {
  it('suggests the right category for typical reports from the seed corpus alone', () => {
    const model = buildDispatchModel({ history: [], activeCategoryCodes: ALL, features });
    expect(model.trainedOn.cases).toBe(0);
    expect(suggestCategories(model, '路灯不亮了，晚上黑乎乎的', features, 3)[0]?.categoryCode).toBe('C0107');
    expect(suggestCategories(model, '喂，我跟你说，我们家暖气不热', features, 3)[0]?.categoryCode).toBe('H05');
    expect(suggestCategories(model, '老板拖欠工资三个月不给', features, 3)[0]?.categoryCode).toBe('H16');
  });

  it('is confident about a clear report and visibly less about a vague one, never certain', () => {
    const model = buildDispatchModel({ history: [], activeCategoryCodes: ALL, features });
    const clear = suggestCategories(model, '路灯不亮了，晚上黑乎乎的', features, 1)[0]!;
    const vague = suggestCategories(model, '这边有点问题', features, 1)[0]!;
    expect(clear.confidence).toBeGreaterThan(0.5);
    expect(clear.confidence).toBeLessThan(1);
    expect(vague.confidence).toBeLessThan(clear.confidence - 0.2);
  });

  it('leaves out categories that are not active', () => {
    const model = buildDispatchModel({ history: [], activeCategoryCodes: new Set(['E0102', 'E0111']), features });
    const codes = suggestCategories(model, '路灯不亮垃圾满了', features, 5).map((entry) => entry.categoryCode);
    expect(codes.every((code) => code === 'E0102' || code === 'E0111')).toBe(true);
  });

  it('learns the department the district really sends a category to', () => {
    const history: DispatchedCaseLabel[] = [
      { text: '路灯不亮', categoryCode: 'C0107', departmentId: 42, corrected: false },
      { text: '路灯坏了', categoryCode: 'C0107', departmentId: 42, corrected: false },
      { text: '路灯一闪一闪', categoryCode: 'C0107', departmentId: 7, corrected: false },
    ];
    const model = buildDispatchModel({ history, activeCategoryCodes: ALL, features });
    expect(suggestCategories(model, '路灯不亮', features, 1)[0]).toMatchObject({ categoryCode: 'C0107', historyDepartmentId: 42 });
  });

  it('weighs an operator correction more than a case that went the suggested way', () => {
    // The same unusual wording, labelled once each way: the corrected label must win.
    const text = '小区里的那个铁疙瘩又坏了';
    const history = (corrected: boolean): DispatchedCaseLabel[] => [
      { text, categoryCode: 'C0602', departmentId: null, corrected: false },
      { text, categoryCode: 'C0108', departmentId: null, corrected },
    ];
    const plain = buildDispatchModel({ history: history(false), activeCategoryCodes: ALL, features });
    const withCorrection = buildDispatchModel({ history: history(true), activeCategoryCodes: ALL, features });
    expect(withCorrection.trainedOn.corrections).toBe(1);
    const scoreOf = (model: typeof plain, code: string) =>
      suggestCategories(model, text, features, 5).find((entry) => entry.categoryCode === code)?.confidence ?? 0;
    expect(scoreOf(withCorrection, 'C0108')).toBeGreaterThan(scoreOf(plain, 'C0108'));
    expect(suggestCategories(withCorrection, text, features, 1)[0]?.categoryCode).toBe('C0108');
    expect(CORRECTION_WEIGHT).toBeGreaterThan(1);
  });
});

describe('character features', () => {
  it('adds each Chinese character of the problem once, none of places or filler', () => {
    const result = extractFeatures('喂 青年路 那边 路灯路灯不亮', { ...features, placeNames: ['青年路'] });
    expect(result.filter((feature) => feature.startsWith('c:'))).toEqual(['c:路', 'c:灯', 'c:不', 'c:亮']);
    expect(result).not.toContain('c:喂');
    expect(result).not.toContain('c:青');
  });

  it('carries a report in a word the training never used to the category sharing its characters', () => {
    // 死鸟 shares no word and no bigram with 死猫 or 死狗: only the character 死 links them.
    const model = trainNaiveBayes([
      { features: extractFeatures('死猫 躺在路上', features), label: 'carcass', weight: 1 },
      { features: extractFeatures('死狗 发臭', features), label: 'carcass', weight: 1 },
      { features: extractFeatures('流浪猫 很多', features), label: 'stray', weight: 1 },
    ]);
    const report = extractFeatures('一只 死鸟', features);
    expect(rankLabels(model, report, 2)[0]?.label).toBe('carcass');
    expect(rankLabels(model, report.filter((feature) => !feature.startsWith('c:')), 2)).toEqual([]);
  });
});

describe('the seed phrasings', () => {
  it('hold the colloquial ones before each category’s last phrasing, which the bench holds out', () => {
    for (const [code, colloquial] of Object.entries(COLLOQUIAL_PHRASINGS)) {
      const phrasings = SEED_PHRASINGS[code]!;
      expect(phrasings, code).toBeDefined();
      expect(phrasings.length, code).toBe(6 + colloquial.length);
      for (const phrasing of colloquial) expect(phrasings.slice(0, -1), code).toContain(phrasing);
      expect(colloquial, code).not.toContain(phrasings.at(-1));
    }
    expect(Object.keys(COLLOQUIAL_PHRASINGS).sort()).toEqual(Object.keys(SEED_PHRASINGS).sort());
  });
});

describe('place names', () => {
  it('adds the short form without the administrative suffix', () => {
    expect(placeNameVariants(['正阳街道', '绿园经济开发区', '合心镇', '区'])).toEqual(['正阳街道', '正阳', '绿园经济开发区', '绿园', '合心镇', '合心']);
  });
});
