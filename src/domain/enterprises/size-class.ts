/**
 * 统计上大中小微型企业划分办法(2017) (国统字〔2017〕213号). Each industry group has one to three
 * indicators with lower bounds for 大/中/小; "大中小型须同时满足所列指标的下限，否则下划一档；微型只须
 * 满足一项" is the same as: give each indicator its band and take the worst. Money is in 元 here
 * (the table is in 万元), so bounds are compared exactly.
 */
import { industrySection } from './industry-codes.ts';

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export type SizeIndicator = 'employees' | 'revenue' | 'assets';

/** Lower bounds of 大, 中, 小 (persons, or 元). */
type Bounds = readonly [number, number, number];

interface SizeGroup {
  name: string;
  indicators: Partial<Record<SizeIndicator, Bounds>>;
}

const WAN = 10_000;
const money = (large: number, medium: number, small: number): Bounds => [large * WAN, medium * WAN, small * WAN];

const GROUPS = {
  agriculture: { name: '农、林、牧、渔业', indicators: { revenue: money(20000, 500, 50) } },
  industry: { name: '工业', indicators: { employees: [1000, 300, 20], revenue: money(40000, 2000, 300) } },
  construction: { name: '建筑业', indicators: { revenue: money(80000, 6000, 300), assets: money(80000, 5000, 300) } },
  wholesale: { name: '批发业', indicators: { employees: [200, 20, 5], revenue: money(40000, 5000, 1000) } },
  retail: { name: '零售业', indicators: { employees: [300, 50, 10], revenue: money(20000, 500, 100) } },
  transport: { name: '交通运输业', indicators: { employees: [1000, 300, 20], revenue: money(30000, 3000, 200) } },
  warehousing: { name: '仓储业', indicators: { employees: [200, 100, 20], revenue: money(30000, 1000, 100) } },
  postal: { name: '邮政业', indicators: { employees: [1000, 300, 20], revenue: money(30000, 2000, 100) } },
  accommodationCatering: { name: '住宿业和餐饮业', indicators: { employees: [300, 100, 10], revenue: money(10000, 2000, 100) } },
  telecom: { name: '信息传输业', indicators: { employees: [2000, 100, 10], revenue: money(100000, 1000, 100) } },
  software: { name: '软件和信息技术服务业', indicators: { employees: [300, 100, 10], revenue: money(10000, 1000, 50) } },
  realEstateDevelopment: { name: '房地产开发经营', indicators: { revenue: money(200000, 1000, 100), assets: money(10000, 5000, 2000) } },
  propertyManagement: { name: '物业管理', indicators: { employees: [1000, 300, 100], revenue: money(5000, 1000, 500) } },
  leasingBusiness: { name: '租赁和商务服务业', indicators: { employees: [300, 100, 10], assets: money(120000, 8000, 100) } },
  other: { name: '其他未列明行业', indicators: { employees: [300, 100, 10] } },
} satisfies Record<string, SizeGroup>;

export type SizeGroupKey = keyof typeof GROUPS;

const DIVISION_GROUPS: [number, number, SizeGroupKey][] = [
  [51, 51, 'wholesale'], [52, 52, 'retail'], [54, 58, 'transport'], [59, 59, 'warehousing'], [60, 60, 'postal'],
  [61, 62, 'accommodationCatering'], [63, 64, 'telecom'], [65, 65, 'software'], [85, 85, 'other'],
];
const SECTION_GROUPS: Record<string, SizeGroupKey> = {
  A: 'agriculture', B: 'industry', C: 'industry', D: 'industry', E: 'construction', L: 'leasingBusiness',
  M: 'other', N: 'other', O: 'other', R: 'other',
};

function realEstateGroup(code: string): SizeGroupKey | null {
  if (code.startsWith('701')) return 'realEstateDevelopment';
  if (code.startsWith('702')) return 'propertyManagement';
  return code.startsWith('703') || code.startsWith('709') ? 'other' : null;
}

/** The table row that applies to an industry code, or null outside the 办法's scope (铁路, J, P, Q84, S, T, 704). */
export function sizeGroupOf(industryCode: string): SizeGroupKey | null {
  const division = Number.parseInt(industryCode.slice(0, 2), 10);
  if (division === 70) return realEstateGroup(industryCode);
  const byDivision = DIVISION_GROUPS.find(([from, to]) => division >= from && division <= to);
  if (byDivision) return byDivision[2];
  const letter = industrySection(industryCode)?.letter;
  return letter ? (SECTION_GROUPS[letter] ?? null) : null;
}

export type SizeInputs = Partial<Record<SizeIndicator, number>>;

export type SizeResult =
  | { sizeClass: SizeClass; group: SizeGroupKey; bands: Partial<Record<SizeIndicator, SizeClass>> }
  | { sizeClass: null; group: SizeGroupKey | null; missing: SizeIndicator[] };

function band(value: number, bounds: Bounds): number {
  const index = bounds.findIndex((lower) => value >= lower);
  return index === -1 ? 3 : index;
}

/** Size class by the 2017 table: the worst band over the group's indicators. */
export function classifySize(industryCode: string, inputs: SizeInputs): SizeResult {
  const group = sizeGroupOf(industryCode);
  if (!group) return { sizeClass: null, group: null, missing: [] };
  const entries = Object.entries(GROUPS[group].indicators) as [SizeIndicator, Bounds][];
  const missing = entries.filter(([indicator]) => inputs[indicator] === undefined).map(([indicator]) => indicator);
  if (missing.length > 0) return { sizeClass: null, group, missing };
  const bands = Object.fromEntries(entries.map(([indicator, bounds]) => [indicator, SIZE_CLASSES[band(inputs[indicator]!, bounds)]!]));
  const worst = Math.max(...entries.map(([indicator, bounds]) => band(inputs[indicator]!, bounds)));
  return { sizeClass: SIZE_CLASSES[worst]!, group, bands };
}

/** 中小微 in the sense of 工信部联企业〔2011〕300号: everything that is not 大型. */
export function isSme(sizeClass: SizeClass | null): boolean {
  return sizeClass !== null && sizeClass !== 'large';
}
