import { describe, expect, it } from 'vitest';
import { classifySize, sizeGroupOf } from './size-class.ts';
import { industryHasPrefix, industryPath, INDUSTRY_NAMES, INDUSTRY_SECTIONS, isKnownIndustryCode } from './industry-codes.ts';

const WAN = 10_000;

describe('size class, 2017 table (hand-computed band edges)', () => {
  it('工业: the lower bound belongs to the band, one below falls a band', () => {
    expect(classifySize('3670', { employees: 1000, revenue: 40000 * WAN }).sizeClass).toBe('large');
    expect(classifySize('3670', { employees: 999, revenue: 40000 * WAN }).sizeClass).toBe('medium');
    expect(classifySize('3670', { employees: 300, revenue: 2000 * WAN }).sizeClass).toBe('medium');
    expect(classifySize('3670', { employees: 300, revenue: 2000 * WAN - 1 }).sizeClass).toBe('small');
    expect(classifySize('3670', { employees: 20, revenue: 300 * WAN }).sizeClass).toBe('small');
    expect(classifySize('3670', { employees: 19, revenue: 300 * WAN }).sizeClass).toBe('micro');
  });

  it('takes the worst band: 工业 X=1500, Y=3000万 → 中型 (reference §3.3)', () => {
    const result = classifySize('3711', { employees: 1500, revenue: 3000 * WAN });
    expect(result).toMatchObject({ sizeClass: 'medium', bands: { employees: 'large', revenue: 'medium' } });
  });

  it('micro needs only one indicator below the small bound', () => {
    expect(classifySize('5212', { employees: 9, revenue: 20000 * WAN }).sizeClass).toBe('micro');
    expect(classifySize('5212', { employees: 300, revenue: 99 * WAN }).sizeClass).toBe('micro');
  });

  it('uses the right row per group', () => {
    expect(classifySize('5920', { employees: 100, revenue: 1000 * WAN }).sizeClass).toBe('medium'); // 仓储 中型 is 100–<200
    expect(classifySize('6310', { employees: 100, revenue: 99999 * WAN }).sizeClass).toBe('medium'); // 信息传输 中型 up to <100000
    expect(classifySize('6513', { employees: 10, revenue: 50 * WAN }).sizeClass).toBe('small');
    expect(classifySize('6513', { employees: 10, revenue: 49 * WAN }).sizeClass).toBe('micro');
    expect(classifySize('0110', { revenue: 500 * WAN }).sizeClass).toBe('medium');
    expect(classifySize('4700', { revenue: 80000 * WAN, assets: 79999 * WAN }).sizeClass).toBe('medium');
    expect(classifySize('7010', { revenue: 200000 * WAN, assets: 10000 * WAN }).sizeClass).toBe('large');
    expect(classifySize('7520', { employees: 300 }).sizeClass).toBe('large');
  });

  it('names the missing indicators and leaves industries outside the 办法 unclassified', () => {
    expect(classifySize('3670', { employees: 50 })).toEqual({ sizeClass: null, group: 'industry', missing: ['revenue'] });
    expect(sizeGroupOf('5310')).toBeNull();
    expect(sizeGroupOf('6610')).toBeNull();
    expect(sizeGroupOf('8410')).toBeNull();
    expect(sizeGroupOf('8510')).toBe('other');
    expect(sizeGroupOf('7040')).toBeNull();
    expect(sizeGroupOf('5410')).toBe('transport');
  });
});

describe('GB/T 4754-2017 code table', () => {
  it('ships 20 门类 and 97 大类', () => {
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
    expect(Object.keys(INDUSTRY_NAMES).filter((code) => code.length === 2)).toHaveLength(97);
  });

  it('knows codes, paths and prefixes', () => {
    expect(isKnownIndustryCode('3670')).toBe(true);
    expect(isKnownIndustryCode('9999')).toBe(false);
    expect(isKnownIndustryCode('C36')).toBe(false);
    expect(industryPath('3711').map((level) => level.code)).toEqual(['C', '37', '371', '3711']);
    expect(industryHasPrefix('3711', 'C')).toBe(true);
    expect(industryHasPrefix('3711', '37')).toBe(true);
    expect(industryHasPrefix('6210', 'C')).toBe(false);
  });
});
