/** The tokeniser as the service runs it: real jieba with the org tree's place names, then the features. */
import { describe, expect, it } from 'vitest';
import { extractFeatures, placeNameVariants } from '../../domain/dispatch/index.ts';
import { jiebaSegmenter } from './jieba-segmenter.ts';

const PLACES = placeNameVariants(['青年路街道', '自立社区', '绿园区', '春城街道']);
const features = { segment: jiebaSegmenter(PLACES), placeNames: PLACES };

describe('the dispatch tokeniser', () => {
  it('keeps the problem words of a colloquial hotline call and drops its filler', () => {
    const result = extractFeatures('喂，我跟你说，那个井盖没了，好几天了', features);
    expect(result).toContain('w:井盖');
    expect(result).toContain('b:井盖');
    for (const filler of ['w:喂', 'w:我', 'w:跟', 'w:说', 'w:那个', 'w:好几天']) expect(result).not.toContain(filler);
  });

  it('drops filler however jieba splits it (能不能 / 派 / 人, 快 / 来)', () => {
    const result = extractFeatures('您好，这块儿井盖没了，能不能派人来看看，你们快来', features);
    expect(result).toContain('w:井盖');
    for (const filler of ['w:能', 'w:不能', 'w:派', 'w:人', 'w:快', 'b:派人', 'b:能不', 'b:快', 'c:派', 'c:快']) expect(result, filler).not.toContain(filler);
  });

  it('reads a street name as a place, not as 路 or 青年 about the problem', () => {
    const result = extractFeatures('青年路街道路灯不亮', features);
    // jieba's own dictionary has 灯不亮 as a word: the bigrams still see 路灯.
    expect(result).toContain('b:路灯');
    expect(result.some((feature) => feature.includes('青年'))).toBe(false);
    expect(result).not.toContain('b:道路');
  });

  it('knows the short form of a place (自立 for 自立社区)', () => {
    expect(extractFeatures('自立那边垃圾满了', features).some((feature) => feature.includes('自立'))).toBe(false);
  });

  it('finds no feature in emoji or punctuation only', () => {
    expect(extractFeatures('😡😡😡！！！？？……', features)).toEqual([]);
    expect(extractFeatures('   ', features)).toEqual([]);
  });

  it('reads full-width Latin and mixed scripts', () => {
    const result = extractFeatures('ＫＴＶ噪音扰民 at night', features);
    expect(result).toContain('w:ktv');
    expect(result).toContain('w:night');
    expect(result).toContain('b:噪音');
  });

  it('bounds the work on a 10,000-character text', () => {
    const result = extractFeatures('路灯不亮'.repeat(2_500), features);
    expect(result.length).toBeGreaterThan(0);
    // Only the first MAX_FEATURE_TEXT_CHARS characters are read.
    expect(result.filter((feature) => feature === 'b:路灯').length).toBeLessThanOrEqual(500);
  });
});
