/**
 * What the dispatch model reads from a report: the words a segmenter finds (jieba, injected: the domain loads
 * no native code) and the character bigrams of every Chinese run, after place names are taken out. A street
 * name such as 青年路 must not vote for 道路 categories, so places are removed before either feature is made.
 */

/** Splits text into words; the service passes jieba with the org tree's place names in its dictionary. */
export type Segmenter = (text: string) => string[];

export interface FeatureOptions {
  segment: Segmenter;
  /** Streets, communities, districts …: removed from the text before features are made. */
  placeNames?: readonly string[];
}

/** Reports longer than this are cut: the first screens say what the problem is, the rest is repetition. */
export const MAX_FEATURE_TEXT_CHARS = 2_000;

// Hotline filler ("喂，我跟你说…") and function words: frequent in every category, evidence for none.
const STOPWORDS = new Set([
  '喂', '你好', '您好', '我', '我们', '你', '您', '他', '她', '它', '他们', '的', '了', '是', '在', '有', '就', '都', '也', '还',
  '和', '跟', '说', '那个', '这个', '那', '这', '就是', '一下', '麻烦', '请', '吗', '呢', '吧', '啊', '呀', '嗯', '哦', '哎',
  'then', 'the', 'a', 'an', 'is', 'of', 'to', 'and', '个', '一个', '这边', '那边', '我家', '我们家', '反映', '问题', '情况',
  '谢谢', '赶紧', '快点', '处理', '一直', '已经', '好几天', '没人管', '能不能', '看看', '现在', '派人', '来', '快来',
  '附近', '居民', '地点', '这块儿', '这块', '这儿', '那儿', '这里', '那里', '哎呀', '尽快', '你们', '管不管', '儿',
]);

const CJK_RUN = /[\u3400-\u9fff]+/gu;
const WORD_CHARS = /^[\p{L}\p{N}]+$/u;

/**
 * Full-width to half-width, lower case, and every place name replaced by a separator.
 * @example normalizeReportText('青年路ＡＢＣ井盖', ['青年路']) // => ' abc井盖'
 */
export function normalizeReportText(text: string, placeNames: readonly string[] = []): string {
  let normalized = text.slice(0, MAX_FEATURE_TEXT_CHARS).normalize('NFKC').toLowerCase();
  // Longest first, so 青年路街道 goes before 青年路 leaves 街道 behind.
  for (const place of [...placeNames].sort((a, b) => b.length - a.length)) {
    if (place.length >= 2 && normalized.includes(place)) normalized = normalized.split(place).join(' ');
  }
  return normalized;
}

/** The longest filler a segmenter may split into pieces: 能不能 + 派 + 人 is three tokens. */
const MAX_STOPWORD_TOKENS = 4;

/**
 * The segmenter's tokens, trimmed, with every stopword, punctuation and space as `null` (a break). A stopword is
 * dropped however the segmenter splits it: jieba reads 能不能派人 as 能 / 不能 / 派 / 人 and 快来 as 快 / 来, which
 * one token at a time would leave as words about the problem; consecutive tokens that together spell a stopword
 * go too (longest first).
 * @example withoutStopwords(['能', '不能', '派', '人', '修', '路灯']) // => [null, null, '修', '路灯']
 */
export function withoutStopwords(segmented: readonly string[]): (string | null)[] {
  const tokens = segmented.map((word) => word.trim()).map((token) => (token.length > 0 && WORD_CHARS.test(token) ? token : null));
  const result: (string | null)[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    for (let k = Math.min(MAX_STOPWORD_TOKENS, tokens.length - i); k >= 1 && matched === 0; k -= 1) {
      const pieces = tokens.slice(i, i + k);
      if (pieces.every((piece) => piece !== null) && STOPWORDS.has(pieces.join(''))) matched = k;
    }
    if (matched > 0) {
      result.push(null);
      i += matched;
    } else {
      result.push(tokens[i]!);
      i += 1;
    }
  }
  return result;
}

/**
 * The features of a report: `w:` words (stopwords and punctuation dropped), `b:` bigrams of Chinese runs and
 * `c:` the distinct Chinese characters of those runs. The characters carry a report in words the corpus never
 * used: 死鸟 shares no word or bigram with 死猫 or 死狗, but shares 死 (issue 14; docs/dispatch.md, accuracy).
 * Empty for text without letters or digits (only emoji or punctuation).
 * @example extractFeatures('路灯不亮', { segment: (t) => [t] }) // => ['w:路灯不亮', 'b:路灯', 'b:灯不', 'b:不亮', 'c:路', 'c:灯', 'c:不', 'c:亮']
 */
export function extractFeatures(text: string, options: FeatureOptions): string[] {
  const normalized = normalizeReportText(text, options.placeNames);
  const words: string[] = [];
  // Stopwords also break the Chinese runs, so "能不能派人" leaves no 能不/不能 bigram behind.
  const runs: string[] = [];
  let run = '';
  for (const token of withoutStopwords(options.segment(normalized))) {
    if (token === null) {
      if (run) runs.push(run);
      run = '';
      continue;
    }
    words.push(`w:${token}`);
    run += token;
  }
  if (run) runs.push(run);
  const bigrams: string[] = [];
  const characters = new Set<string>();
  for (const chunk of runs) {
    for (const cjk of chunk.match(CJK_RUN) ?? []) {
      if (cjk.length === 1) bigrams.push(`b:${cjk}`);
      for (let i = 0; i + 1 < cjk.length; i += 1) bigrams.push(`b:${cjk.slice(i, i + 2)}`);
      for (const character of cjk) characters.add(`c:${character}`);
    }
  }
  return [...words, ...bigrams, ...characters];
}
