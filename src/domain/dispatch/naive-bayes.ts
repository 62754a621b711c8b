/**
 * A weighted multinomial naive Bayes classifier over report features. Weighted, because an operator's
 * correction of a suggestion is stronger evidence than a case that went the suggested way. Plain JSON, so the
 * model is stored in the database as it is and read back by any instance.
 */

export interface LabelledExample {
  features: readonly string[];
  label: string;
  /** 1 for an ordinary example; more for an operator's correction. */
  weight: number;
}

export interface NaiveBayesModel {
  /** Laplace smoothing added to every feature count. */
  alpha: number;
  vocabularySize: number;
  labels: Record<string, LabelStatistics>;
}

export interface LabelStatistics {
  /** Sum of the weights of the examples with this label. */
  examples: number;
  /** Sum over features of weight × occurrences. */
  totalFeatureWeight: number;
  featureWeights: Record<string, number>;
}

export interface RankedLabel {
  label: string;
  /** Posterior probability among all labels, 0..1, tempered (see `rankLabels`). */
  confidence: number;
}

/**
 * Add-one smoothing: with the distinct characters among the features, a smaller alpha lets a category with few
 * seed sentences win every report in words it never saw (its unseen features cost it least). Chosen on the
 * bench (docs/dispatch.md, accuracy): 0.1 → 1 raised top-1 on unseen phrasings by about five points.
 */
export const DEFAULT_ALPHA = 1;

/**
 * How much sharper than √(known features) the softmax is. Fitted once on the bench's held-out split so that a
 * suggestion's confidence is about its chance of being right (docs/dispatch.md): with the character features the
 * plain √n made a 92 %-right top suggestion claim 45 % on average; × 2.5 it claims 90 % (calibration error 0.47 → 0.03;
 * on phrasings never seen 0.54 → 0.11, claiming 71 % for 74 % right).
 */
export const CONFIDENCE_SHARPNESS = 2.5;

/**
 * Counts the weighted features per label.
 * @example trainNaiveBayes([{ features: ['w:路灯'], label: 'C0107', weight: 1 }]).labels.C0107.examples // => 1
 */
export function trainNaiveBayes(examples: readonly LabelledExample[], alpha = DEFAULT_ALPHA): NaiveBayesModel {
  const labels: Record<string, LabelStatistics> = {};
  const vocabulary = new Set<string>();
  for (const example of examples) {
    if (example.weight <= 0) continue;
    const stats = (labels[example.label] ??= { examples: 0, totalFeatureWeight: 0, featureWeights: {} });
    stats.examples += example.weight;
    for (const feature of example.features) {
      vocabulary.add(feature);
      stats.featureWeights[feature] = (stats.featureWeights[feature] ?? 0) + example.weight;
      stats.totalFeatureWeight += example.weight;
    }
  }
  return { alpha, vocabularySize: vocabulary.size, labels };
}

/**
 * The labels best first with their confidence. Features the model never saw are ignored (they favour nobody);
 * no known feature → empty. Naive Bayes multiplies dependent evidence (a word and its own bigrams) and so is
 * sure of itself far too soon: the log scores are divided by the square root of the number of known features
 * (times `CONFIDENCE_SHARPNESS`) before the softmax, which keeps a clear report near 0.9 and a vague one visibly
 * lower. The ranking does not depend on it.
 * @example rankLabels(trainNaiveBayes([{ features: ['w:路灯'], label: 'C0107', weight: 1 }]), ['w:路灯'], 5)[0].label // => 'C0107'
 */
export function rankLabels(model: NaiveBayesModel, features: readonly string[], limit: number): RankedLabel[] {
  const entries = Object.entries(model.labels);
  if (entries.length === 0) return [];
  // A feature's weight is how few labels share it (inverse label frequency): hotline filler that every
  // category has seen ("派人来看看") then says nothing, a word only one category uses says much.
  const known: { feature: string; weight: number }[] = [];
  for (const feature of features) {
    const labelsWithIt = labelFrequencies(model).get(feature) ?? 0;
    if (labelsWithIt === 0) continue;
    known.push({ feature, weight: Math.log((entries.length + 1) / labelsWithIt) / Math.log(entries.length + 1) });
  }
  if (known.length === 0) return [];
  const totalExamples = entries.reduce((sum, [, stats]) => sum + stats.examples, 0);
  const vocabulary = Math.max(1, model.vocabularySize);
  const temperature = Math.sqrt(known.length) / CONFIDENCE_SHARPNESS;
  const scores = entries.map(([label, stats]) => {
    // Priors are flattened (square root): the history of a district is lopsided, a new report need not be.
    let score = 0.5 * Math.log((stats.examples + 1) / (totalExamples + entries.length));
    const denominator = Math.log(stats.totalFeatureWeight + model.alpha * vocabulary);
    for (const { feature, weight } of known) score += weight * (Math.log((stats.featureWeights[feature] ?? 0) + model.alpha) - denominator);
    return { label, score: score / temperature };
  });
  const best = Math.max(...scores.map((entry) => entry.score));
  const exps = scores.map((entry) => ({ label: entry.label, value: Math.exp(entry.score - best) }));
  const sum = exps.reduce((total, entry) => total + entry.value, 0);
  return exps
    .map((entry) => ({ label: entry.label, confidence: entry.value / sum }))
    .sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label))
    .slice(0, limit);
}

// Derived once per model object, not stored: it follows from the counts.
const LABEL_FREQUENCIES = new WeakMap<NaiveBayesModel, Map<string, number>>();

function labelFrequencies(model: NaiveBayesModel): Map<string, number> {
  let frequencies = LABEL_FREQUENCIES.get(model);
  if (!frequencies) {
    frequencies = new Map();
    for (const stats of Object.values(model.labels)) {
      for (const feature of Object.keys(stats.featureWeights)) frequencies.set(feature, (frequencies.get(feature) ?? 0) + 1);
    }
    LABEL_FREQUENCIES.set(model, frequencies);
  }
  return frequencies;
}
