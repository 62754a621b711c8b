/**
 * The stored dispatch model: a naive Bayes classifier over categories, and per category the departments the
 * district actually dispatched it to (weighted like the examples). Building it is pure; the service loads the
 * labels, stores the result with a version, and answers suggestions from it.
 */
import { extractFeatures, type FeatureOptions } from './text-features.ts';
import { rankLabels, trainNaiveBayes, type LabelledExample, type NaiveBayesModel } from './naive-bayes.ts';
import { seedReports } from './seed-corpus.ts';

/** An operator's correction of a suggestion counts this many times an ordinary dispatched case. */
export const CORRECTION_WEIGHT = 3;
/** A seed phrasing counts less than one real case: the district's own decisions win once they exist. */
export const SEED_WEIGHT = 0.5;

/** A dispatched case as a label: its final category and the department it went to. */
export interface DispatchedCaseLabel {
  text: string;
  categoryCode: string;
  departmentId: number | null;
  /** The operator chose otherwise than the suggestion shown. */
  corrected: boolean;
}

export interface DispatchModel {
  classifier: NaiveBayesModel;
  /** categoryCode → departmentId → weight, from the district's history. */
  departmentsByCategory: Record<string, Record<string, number>>;
  trainedOn: { seedReports: number; cases: number; corrections: number };
}

export interface CategorySuggestion {
  categoryCode: string;
  confidence: number;
  /** The department the district sends this category to most (weighted), or null: use the category default. */
  historyDepartmentId: number | null;
}

/**
 * Trains on the seed corpus (restricted to the active categories) and the district's dispatched cases.
 * @example buildDispatchModel({ history: [], activeCategoryCodes: new Set(['C0107']), features: { segment: (t) => [t] } }).trainedOn.cases // => 0
 */
export function buildDispatchModel(input: {
  history: readonly DispatchedCaseLabel[];
  activeCategoryCodes: ReadonlySet<string>;
  /** The catalogue's own names (小类 and 大类): part of the day-one knowledge, like the seed phrasings. */
  categoryNames?: ReadonlyMap<string, readonly string[]>;
  features: FeatureOptions;
  places?: readonly string[];
  /** The bench trains without each category's last phrasing, to measure on it. */
  holdOutLastSeedPhrasing?: boolean;
}): DispatchModel {
  const examples: LabelledExample[] = [];
  const seeds = seedReports({ places: input.places, categoryCodes: input.activeCategoryCodes, holdOutLast: input.holdOutLastSeedPhrasing });
  for (const report of seeds) {
    examples.push({ features: extractFeatures(report.text, input.features), label: report.categoryCode, weight: SEED_WEIGHT });
  }
  for (const [code, names] of input.categoryNames ?? []) {
    if (!input.activeCategoryCodes.has(code)) continue;
    for (const name of names) examples.push({ features: extractFeatures(name, input.features), label: code, weight: SEED_WEIGHT });
  }
  const departmentsByCategory: Record<string, Record<string, number>> = {};
  let corrections = 0;
  let cases = 0;
  for (const label of input.history) {
    if (!input.activeCategoryCodes.has(label.categoryCode)) continue;
    const weight = label.corrected ? CORRECTION_WEIGHT : 1;
    if (label.corrected) corrections += 1;
    cases += 1;
    examples.push({ features: extractFeatures(label.text, input.features), label: label.categoryCode, weight });
    if (label.departmentId !== null) {
      const departments = (departmentsByCategory[label.categoryCode] ??= {});
      departments[String(label.departmentId)] = (departments[String(label.departmentId)] ?? 0) + weight;
    }
  }
  return {
    classifier: trainNaiveBayes(examples),
    departmentsByCategory,
    trainedOn: { seedReports: seeds.length, cases, corrections },
  };
}

/**
 * The best categories for a report, best first.
 * @example suggestCategories(buildDispatchModel({ history: [], activeCategoryCodes: new Set(['C0107', 'E0102']), features: { segment: (t) => [t] } }), '路灯不亮', { segment: (t) => [t] }, 5)[0]?.categoryCode // => 'C0107'
 */
export function suggestCategories(model: DispatchModel, text: string, features: FeatureOptions, limit: number): CategorySuggestion[] {
  return rankLabels(model.classifier, extractFeatures(text, features), limit).map((ranked) => ({
    categoryCode: ranked.label,
    confidence: ranked.confidence,
    historyDepartmentId: topDepartment(model.departmentsByCategory[ranked.label]),
  }));
}

function topDepartment(weights: Record<string, number> | undefined): number | null {
  if (!weights) return null;
  let best: [string, number] | null = null;
  for (const entry of Object.entries(weights)) if (!best || entry[1] > best[1]) best = entry;
  return best ? Number(best[0]) : null;
}
