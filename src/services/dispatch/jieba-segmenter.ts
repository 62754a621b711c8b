/**
 * The one jieba of the process: its dictionary takes ~100 ms to load, so it is built once, and each district's
 * place names are added to it once (jieba then keeps 青年路街道 whole instead of cutting out 路).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Segmenter } from '../../domain/dispatch/index.ts';

// High frequency and the noun-of-place tag: a known place wins over any split of it.
const PLACE_FREQUENCY = 1_000_000;

let jieba: Jieba | null = null;
const knownPlaces = new Set<string>();

/** The segmenter, with these place names in its dictionary. */
export function jiebaSegmenter(placeNames: readonly string[] = []): Segmenter {
  jieba ??= Jieba.withDict(dict);
  const fresh = placeNames.filter((name) => !knownPlaces.has(name) && !/\s/.test(name));
  if (fresh.length > 0) {
    jieba.loadDict(Buffer.from(fresh.map((name) => `${name} ${PLACE_FREQUENCY} ns`).join('\n')));
    for (const name of fresh) knownPlaces.add(name);
  }
  const instance = jieba;
  return (text) => instance.cut(text, false);
}
