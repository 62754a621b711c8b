import { describe, it, expect } from 'vitest';
import {
  checkCodeHierarchy,
  isCommunityCode,
  isDistrictCode,
  isGridCode,
  isProvincePrefix,
  isStreetCode,
  parseGridCode,
} from './org-codes.ts';

describe('isDistrictCode', () => {
  it('accepts the three demo districts', () => {
    expect(isDistrictCode('220106')).toBe(true);
    expect(isDistrictCode('220105')).toBe(true);
    expect(isDistrictCode('220103')).toBe(true);
  });

  it('rejects province and prefecture codes', () => {
    expect(isDistrictCode('220000')).toBe(false);
    expect(isDistrictCode('220100')).toBe(false);
  });

  it('rejects wrong lengths, non-digits and impossible provinces', () => {
    expect(isDistrictCode('22010')).toBe(false);
    expect(isDistrictCode('2201066')).toBe(false);
    expect(isDistrictCode('22010a')).toBe(false);
    expect(isDistrictCode(' 220106')).toBe(false);
    expect(isDistrictCode('990106')).toBe(false);
    expect(isDistrictCode('050106')).toBe(false);
    expect(isDistrictCode('')).toBe(false);
  });
});

describe('GB/T 2260 province prefixes', () => {
  it('accepts every real province prefix', () => {
    const real = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
      50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82];
    for (const p of real) expect(isProvincePrefix(String(p)), String(p)).toBe(true);
    for (let p = 10; p <= 90; p++) {
      if (!real.includes(p)) expect(isProvincePrefix(String(p)), String(p)).toBe(false);
    }
  });

  it('rejects district codes in the gaps between provinces', () => {
    expect(isDistrictCode('160106')).toBe(false);
    expect(isDistrictCode('240101')).toBe(false);
    expect(isDistrictCode('470101')).toBe(false);
    expect(isDistrictCode('720101')).toBe(false);
    expect(isDistrictCode('800101')).toBe(false);
    expect(isDistrictCode('650102')).toBe(true); // 乌鲁木齐 天山区
    expect(isDistrictCode('820001')).toBe(true); // 澳门 花地玛堂区
  });
});

describe('prefecture-level cities without counties', () => {
  const cities = ['441900', '442000', '460400', '620200'];

  it('accepts 东莞, 中山, 儋州 and 嘉峪关 as district-level units', () => {
    for (const c of cities) expect(isDistrictCode(c), c).toBe(true);
    expect(isDistrictCode('441800')).toBe(false); // 清远市 has districts and counties
  });

  it('accepts their street, community and grid codes', () => {
    expect(isStreetCode('441900003000')).toBe(true); // 东莞 东城街道
    expect(isCommunityCode('442000001001')).toBe(true);
    expect(isGridCode('460400100001001')).toBe(true);
    expect(checkCodeHierarchy({ districtCode: '620200', streetCode: '620200001000',
      communityCode: '620200001002', gridCode: '620200001002007' })).toEqual([]);
    expect(parseGridCode('441900003001005')?.districtCode).toBe('441900');
  });
});

describe('isStreetCode', () => {
  it('accepts 街道, 镇 and 乡 codes', () => {
    expect(isStreetCode('220106001000')).toBe(true);
    expect(isStreetCode('220105173000')).toBe(true);
    expect(isStreetCode('220105270000')).toBe(true);
  });

  it('rejects a community code, a bare district and a zero township', () => {
    expect(isStreetCode('220105001001')).toBe(false);
    expect(isStreetCode('220106')).toBe(false);
    expect(isStreetCode('220106000000')).toBe(false);
  });

  it('rejects a street under a malformed district', () => {
    expect(isStreetCode('220100001000')).toBe(false);
  });
});

describe('isCommunityCode', () => {
  it('accepts 社区 and 村 codes', () => {
    expect(isCommunityCode('220105001001')).toBe(true);
    expect(isCommunityCode('220103008200')).toBe(true);
  });

  it('rejects a street code and a community under no township', () => {
    expect(isCommunityCode('220105001000')).toBe(false);
    expect(isCommunityCode('220105000001')).toBe(false);
  });

  it('rejects wrong lengths', () => {
    expect(isCommunityCode('22010500100')).toBe(false);
    expect(isCommunityCode('2201050010011')).toBe(false);
  });
});

describe('isGridCode', () => {
  it('accepts sequences 001 to 999', () => {
    expect(isGridCode('220105001001001')).toBe(true);
    expect(isGridCode('220105001001999')).toBe(true);
  });

  it('rejects sequence 000', () => {
    expect(isGridCode('220105001001000')).toBe(false);
  });

  it('rejects a grid hung directly under a street', () => {
    expect(isGridCode('220105001000001')).toBe(false);
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(isGridCode('22010500100100')).toBe(false);
    expect(isGridCode('2201050010010011')).toBe(false);
    expect(isGridCode('22010500100100x')).toBe(false);
  });
});

describe('parseGridCode', () => {
  it('splits a grid code into its containing units', () => {
    expect(parseGridCode('220105001001003')).toEqual({
      districtCode: '220105',
      streetCode: '220105001000',
      communityCode: '220105001001',
      sequence: 3,
    });
  });

  it('keeps a village under a town', () => {
    expect(parseGridCode('220103008200012')).toMatchObject({
      streetCode: '220103008000',
      communityCode: '220103008200',
      sequence: 12,
    });
  });

  it('returns null for a malformed code', () => {
    expect(parseGridCode('12345')).toBeNull();
    expect(parseGridCode('220105001001000')).toBeNull();
  });

  it('produces parts that pass their own validators', () => {
    const parsed = parseGridCode('220106010002005');
    expect(parsed).not.toBeNull();
    expect(isDistrictCode(parsed!.districtCode)).toBe(true);
    expect(isStreetCode(parsed!.streetCode)).toBe(true);
    expect(isCommunityCode(parsed!.communityCode)).toBe(true);
  });
});

describe('checkCodeHierarchy', () => {
  const consistent = {
    districtCode: '220105',
    streetCode: '220105001000',
    communityCode: '220105001001',
    gridCode: '220105001001002',
  };

  it('finds nothing wrong in a consistent chain', () => {
    expect(checkCodeHierarchy(consistent)).toEqual([]);
  });

  it('finds nothing wrong in an empty input', () => {
    expect(checkCodeHierarchy({})).toEqual([]);
  });

  it('reports a grid outside its community', () => {
    expect(checkCodeHierarchy({ ...consistent, gridCode: '220105001002001' })).toEqual([
      'GRID_NOT_IN_COMMUNITY',
    ]);
  });

  it('reports a community outside its street', () => {
    expect(
      checkCodeHierarchy({ streetCode: '220105002000', communityCode: '220105001001' }),
    ).toEqual(['COMMUNITY_NOT_IN_STREET']);
  });

  it('reports a street outside its district', () => {
    expect(checkCodeHierarchy({ districtCode: '220106', streetCode: '220105001000' })).toEqual([
      'STREET_NOT_IN_DISTRICT',
    ]);
  });

  it('compares against the nearest level given when one is skipped', () => {
    expect(checkCodeHierarchy({ streetCode: '220105002000', gridCode: '220105001001001' })).toEqual([
      'GRID_NOT_IN_STREET',
    ]);
    expect(checkCodeHierarchy({ districtCode: '220103', gridCode: '220105001001001' })).toEqual([
      'GRID_NOT_IN_DISTRICT',
    ]);
    expect(checkCodeHierarchy({ districtCode: '220103', communityCode: '220105001001' })).toEqual([
      'COMMUNITY_NOT_IN_DISTRICT',
    ]);
  });

  it('reports malformed codes and skips comparing them', () => {
    expect(checkCodeHierarchy({ ...consistent, gridCode: '2201050010010' })).toEqual([
      'GRID_CODE_MALFORMED',
    ]);
    expect(checkCodeHierarchy({ districtCode: '220100', streetCode: '220105001000' })).toEqual([
      'DISTRICT_CODE_MALFORMED',
    ]);
  });

  it('reports every problem at once', () => {
    expect(
      checkCodeHierarchy({
        districtCode: '220106',
        streetCode: '220105001000',
        communityCode: '220105002001',
        gridCode: '220105002002001',
      }),
    ).toEqual(['STREET_NOT_IN_DISTRICT', 'COMMUNITY_NOT_IN_STREET', 'GRID_NOT_IN_COMMUNITY']);
  });

  it('reports a street code given where a community is expected as malformed', () => {
    expect(checkCodeHierarchy({ communityCode: '220105001000' })).toEqual([
      'COMMUNITY_CODE_MALFORMED',
    ]);
  });
});
