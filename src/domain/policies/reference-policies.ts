/**
 * The reference's policy fixtures F1–F4 as policy data (enterprise-policy.md §6). They are the demo
 * policies and the test fixtures for eligible sets and amounts. F1's 2026 version repeats the 2025
 * parameters: an assumption for the demo until the 2026 notice is loaded.
 */
import type { PolicyDefinition, Rule } from './policy-rules.ts';

const F1_ELIGIBILITY: Rule = {
  type: 'all',
  rules: [
    { type: 'fact', fact: 'insured_months', op: '>=', value: 12, at: 'previous_year_end' },
    {
      type: 'any',
      rules: [
        { type: 'all', rules: [{ type: 'fact', fact: 'insured_headcount', op: '>', value: 30, at: 'previous_year_end' }, { type: 'fact', fact: 'layoff_rate', op: '<=', value: 5.5, at: 'previous_year_end' }] },
        { type: 'all', rules: [{ type: 'fact', fact: 'insured_headcount', op: '<=', value: 30, at: 'previous_year_end' }, { type: 'fact', fact: 'layoff_rate', op: '<=', value: 20, at: 'previous_year_end' }] },
      ],
    },
  ],
};

const F1_BENEFIT = {
  formula: {
    type: 'cases' as const,
    cases: [{ when: { type: 'size' as const, classes: ['large' as const], at: 'previous_year_end' as const }, formula: { type: 'rate' as const, rate: 0.3, fact: 'unemployment_insurance_paid' as const, at: 'previous_year_end' as const } }],
    otherwise: { type: 'rate' as const, rate: 0.6, fact: 'unemployment_insurance_paid' as const, at: 'previous_year_end' as const },
  },
};

export const F1_STABLE_JOBS: PolicyDefinition = {
  code: 'F1-WENGANG',
  title: '失业保险稳岗返还',
  titleEn: 'Unemployment insurance job-retention refund',
  issuer: '吉林省人力资源和社会保障厅',
  documentNumber: '稳岗返还（2024/2025 年度参数）',
  mode: 'auto_grant',
  excludes: [],
  versions: [
    { version: 1, effectiveFrom: '2024-01-01', effectiveTo: '2024-12-31', eligibility: F1_ELIGIBILITY, benefit: F1_BENEFIT },
    { version: 2, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31', eligibility: F1_ELIGIBILITY, benefit: F1_BENEFIT },
    { version: 3, effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31', eligibility: F1_ELIGIBILITY, benefit: F1_BENEFIT },
  ],
};

/** 餐饮、零售、旅游、民航、公路水路铁路: sectors covered everywhere once F2 was widened. */
const F2_SECTORS = ['62', '52', '7291', '56', '53', '54', '55'];

export const F2_TRAINING_SUBSIDY: PolicyDefinition = {
  code: 'F2-LIUGONG',
  title: '一次性留工培训补助',
  titleEn: 'One-off staff-retention training subsidy',
  issuer: '吉林省人力资源和社会保障厅',
  documentNumber: '吉林 2022 留工培训补助',
  mode: 'auto_grant',
  excludes: [],
  versions: [{
    version: 1,
    effectiveFrom: '2022-05-01',
    effectiveTo: '2022-12-31',
    eligibility: {
      type: 'all',
      rules: [
        { type: 'fact', fact: 'insured_headcount', op: '>=', value: 1 },
        { type: 'any', rules: [{ type: 'district', codes: ['220106', '220105', '220103'] }, { type: 'industry', prefixes: F2_SECTORS }] },
      ],
    },
    benefit: { formula: { type: 'per_count', amount: 500, fact: 'insured_headcount' } },
  }],
};

const F3_HIRES = [
  { field: 'category', in: ['graduate_2022', 'graduate_2020_2021_unemployed', 'registered_unemployed_16_24'] },
  { field: 'contract', in: [true] },
  { field: 'insured_months', atLeast: 1 },
];

export const F3_NEW_POST_SUBSIDY: PolicyDefinition = {
  code: 'F3-KUOGANG',
  title: '一次性扩岗补助',
  titleEn: 'One-off job-creation subsidy',
  issuer: '长春市人力资源和社会保障局',
  documentNumber: '吉人社联〔2022〕82号',
  mode: 'application',
  excludes: ['JY-XINA'],
  versions: [{
    version: 1,
    effectiveFrom: '2022-01-01',
    effectiveTo: '2022-12-31',
    eligibility: { type: 'list', list: 'hires', where: F3_HIRES, op: '>=', value: 1 },
    benefit: { formula: { type: 'per_list_item', amount: 1500, list: 'hires', where: F3_HIRES } },
  }],
};

const YI = 100_000_000;
const WAN = 10_000;

export const F4_SCALE_REWARD: PolicyDefinition = {
  code: 'F4-GUIMO',
  title: '工业企业规模首次突破奖励',
  titleEn: 'First-time industrial scale reward',
  issuer: '长春市人民政府办公厅',
  documentNumber: '长府办发〔2017〕15号',
  mode: 'application',
  excludes: [],
  versions: [{
    version: 1,
    effectiveFrom: '2017-01-01',
    effectiveTo: null,
    eligibility: {
      type: 'all',
      rules: [
        { type: 'industry', prefixes: ['B', 'C', 'D'] },
        { type: 'any', rules: [10, 50, 100].map((yi): Rule => ({ type: 'first_reaches', fact: 'industrial_output', value: yi * YI, at: 'previous_year_end' })) },
      ],
    },
    benefit: {
      formula: { type: 'tiers', fact: 'industrial_output', at: 'previous_year_end', firstTime: true, tiers: [{ atLeast: 10 * YI, amount: 100 * WAN }, { atLeast: 50 * YI, amount: 200 * WAN }, { atLeast: 100 * YI, amount: 300 * WAN }] },
    },
  }],
};

export const REFERENCE_POLICIES: readonly PolicyDefinition[] = [F1_STABLE_JOBS, F2_TRAINING_SUBSIDY, F3_NEW_POST_SUBSIDY, F4_SCALE_REWARD];
