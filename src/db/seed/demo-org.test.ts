import { describe, it, expect } from 'vitest';
import {
  checkCodeHierarchy,
  isCommunityCode,
  isDistrictCode,
  isGridCode,
  isStreetCode,
} from '../../domain/org/org-codes.ts';
import { CATEGORY_SEEDS, type CaseKind } from './categories.ts';
import { COMMAND_CENTRE_DEPARTMENT_CODE, DEMO_DISTRICTS } from './demo-org.ts';

const streets = DEMO_DISTRICTS.flatMap((district) =>
  district.streets.map((street) => ({ district, street })),
);
const communities = streets.flatMap(({ district, street }) =>
  street.communities.map((community) => ({ district, street, community })),
);
const grids = communities.flatMap(({ district, street, community }) =>
  community.grids.map((grid) => ({ district, street, community, grid })),
);

// Listing every kind here makes the compiler fail when a kind is added or removed.
const KIND_PRESENT: Record<CaseKind, true> = {
  event: true,
  component: true,
  citizen_request: true,
  enterprise_demand: true,
  safety_hazard: true,
  dispute: true,
  project_problem: true,
  rectification: true,
  policy_application: true,
  service_application: true,
};

function findDuplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

describe('DEMO_DISTRICTS', () => {
  it('holds 绿园区, 二道区 and 宽城区 with their case number prefixes', () => {
    expect(DEMO_DISTRICTS.map((d) => [d.code, d.name, d.abbr])).toEqual([
      ['220106', '绿园区', 'LY'],
      ['220105', '二道区', 'ED'],
      ['220103', '宽城区', 'KC'],
    ]);
  });

  it('has only well-formed codes at every level', () => {
    for (const district of DEMO_DISTRICTS) expect(isDistrictCode(district.code), district.code).toBe(true);
    for (const { street } of streets) expect(isStreetCode(street.code), street.code).toBe(true);
    for (const { community } of communities) expect(isCommunityCode(community.code), community.code).toBe(true);
    for (const { grid } of grids) expect(isGridCode(grid.code), grid.code).toBe(true);
  });

  it('nests every grid inside its community, street and district', () => {
    for (const { district, street, community, grid } of grids) {
      const problems = checkCodeHierarchy({
        districtCode: district.code,
        streetCode: street.code,
        communityCode: community.code,
        gridCode: grid.code,
      });
      expect(problems, grid.code).toEqual([]);
    }
  });

  it('gives every community at least one grid and every street at least two communities', () => {
    for (const { community } of communities) expect(community.grids.length, community.code).toBeGreaterThan(0);
    for (const { street } of streets) expect(street.communities.length, street.code).toBeGreaterThanOrEqual(2);
  });

  it('uses unique codes and abbreviations', () => {
    expect(findDuplicates(DEMO_DISTRICTS.map((d) => d.code))).toEqual([]);
    expect(findDuplicates(DEMO_DISTRICTS.map((d) => d.abbr))).toEqual([]);
    expect(findDuplicates(streets.map(({ street }) => street.code))).toEqual([]);
    expect(findDuplicates(communities.map(({ community }) => community.code))).toEqual([]);
    expect(findDuplicates(grids.map(({ grid }) => grid.code))).toEqual([]);
  });

  it('has unique department codes inside each district', () => {
    for (const district of DEMO_DISTRICTS) {
      expect(findDuplicates(district.departments.map((d) => d.code)), district.code).toEqual([]);
    }
  });

  it('gives every district the same departments, including 城管 and the command centre', () => {
    const codesOf = (index: number) => DEMO_DISTRICTS[index]!.departments.map((d) => d.code).sort();
    expect(codesOf(1)).toEqual(codesOf(0));
    expect(codesOf(2)).toEqual(codesOf(0));
    expect(codesOf(0)).toContain('cgj');
    expect(codesOf(0)).toContain(COMMAND_CENTRE_DEPARTMENT_CODE);
  });

  it('does not share one departments array between districts', () => {
    expect(DEMO_DISTRICTS[0]!.departments).not.toBe(DEMO_DISTRICTS[1]!.departments);
  });
});

describe('CATEGORY_SEEDS', () => {
  it('uses unique codes', () => {
    expect(findDuplicates(CATEGORY_SEEDS.map((c) => c.code))).toEqual([]);
  });

  it('names a department that exists in every district', () => {
    for (const district of DEMO_DISTRICTS) {
      const codes = new Set(district.departments.map((d) => d.code));
      for (const category of CATEGORY_SEEDS) {
        expect(codes.has(category.departmentCode), `${district.code} ${category.code}`).toBe(true);
      }
    }
  });

  it('has at least one category of every case kind', () => {
    for (const kind of Object.keys(KIND_PRESENT) as CaseKind[]) {
      expect(CATEGORY_SEEDS.some((c) => c.kind === kind), kind).toBe(true);
    }
  });

  it('codes 数字城管 categories as E/C + major + minor', () => {
    for (const category of CATEGORY_SEEDS.filter((c) => c.kind === 'event' || c.kind === 'component')) {
      const prefix = category.kind === 'event' ? 'E' : 'C';
      expect(category.code).toBe(`${prefix}${category.majorCode}${category.minorCode}`);
      expect(category.code).toMatch(/^[EC]\d{4}$/);
    }
  });

  it('codes other kinds as their letter and a running number', () => {
    const letters: Record<CaseKind, string> = {
      event: 'E', component: 'C', citizen_request: 'H', enterprise_demand: 'Q', safety_hazard: 'S',
      dispute: 'D', project_problem: 'P', rectification: 'R', policy_application: 'A', service_application: 'G',
    };
    for (const category of CATEGORY_SEEDS.filter((c) => c.kind !== 'event' && c.kind !== 'component')) {
      expect(category.code, category.code).toMatch(new RegExp(`^${letters[category.kind]}\\d{2}$`));
    }
  });

  it('has 35 to 80 数字城管 categories', () => {
    const count = CATEGORY_SEEDS.filter((c) => c.kind === 'event' || c.kind === 'component').length;
    expect(count).toBeGreaterThanOrEqual(35);
    expect(count).toBeLessThanOrEqual(80);
  });

  it('has positive time limits in a known unit', () => {
    for (const category of CATEGORY_SEEDS) {
      for (const limit of [category.dispatchLimit, category.signLimit, category.resolveLimit]) {
        expect(limit.amount, category.code).toBeGreaterThan(0);
        expect(['working_hours', 'working_days', 'clock_hours'], category.code).toContain(limit.unit);
      }
    }
  });

  it('runs urgent categories on clock time', () => {
    for (const category of CATEGORY_SEEDS.filter((c) => c.urgent)) {
      expect(category.resolveLimit.unit, category.code).toBe('clock_hours');
      expect(category.signLimit.unit, category.code).toBe('clock_hours');
    }
  });

  it('has no negative duplicate radius and names every category in both languages', () => {
    for (const category of CATEGORY_SEEDS) {
      expect(category.duplicateRadiusMeters, category.code).toBeGreaterThanOrEqual(0);
      for (const text of [category.majorName, category.majorNameEn, category.minorName, category.minorNameEn]) {
        expect(text.length, category.code).toBeGreaterThan(0);
      }
    }
  });

  it('keeps the limits quoted in DESIGN.md §4.3', () => {
    const byName = (name: string) => CATEGORY_SEEDS.find((c) => c.minorName === name)!.resolveLimit;
    expect(byName('暴露垃圾')).toEqual({ amount: 4, unit: 'working_hours' });
    expect(byName('占道经营')).toEqual({ amount: 1, unit: 'working_days' });
    expect(byName('私搭乱建')).toEqual({ amount: 20, unit: 'working_days' });
    expect(byName('危及人身财产安全')).toEqual({ amount: 2, unit: 'clock_hours' });
    expect(byName('供热')).toEqual({ amount: 24, unit: 'clock_hours' });
    expect(byName('一般求助')).toEqual({ amount: 7, unit: 'working_days' });
    expect(byName('复杂疑难诉求')).toEqual({ amount: 15, unit: 'working_days' });
  });
});
