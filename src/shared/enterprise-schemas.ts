/**
 * Request shapes of the enterprise and policy API. Rule trees are checked here for shape only; the
 * domain then checks their meaning (unknown facts → POLICY_RULE_INVALID).
 */
import { z } from 'zod';
import { plainText } from './api-schemas.ts';

export const IsoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const factDate = z.enum(['evaluation_date', 'previous_year_end']).optional();
const comparison = z.enum(['>=', '>', '<=', '<', '=']);
const scalar = z.union([z.string().max(100), z.number(), z.boolean()]);
const listFilter = z.strictObject({ field: z.string().min(1).max(50), in: z.array(scalar).max(50).optional(), atLeast: z.number().optional() });

export type RuleInput =
  | { type: 'all' | 'any'; rules: RuleInput[] }
  | { type: 'not'; rule: RuleInput }
  | { type: string; [key: string]: unknown };

export const RuleSchema: z.ZodType<RuleInput> = z.lazy(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('all'), rules: z.array(RuleSchema).min(1).max(50) }),
  z.strictObject({ type: z.literal('any'), rules: z.array(RuleSchema).min(1).max(50) }),
  z.strictObject({ type: z.literal('not'), rule: RuleSchema }),
  z.strictObject({ type: z.literal('fact'), fact: z.string().max(50), op: comparison, value: z.number(), at: factDate }),
  z.strictObject({ type: z.literal('first_reaches'), fact: z.string().max(50), value: z.number(), at: factDate }),
  z.strictObject({ type: z.literal('tag'), tag: z.string().max(50), at: factDate }),
  z.strictObject({ type: z.literal('industry'), prefixes: z.array(z.string().max(5)).min(1).max(50) }),
  z.strictObject({ type: z.literal('size'), classes: z.array(z.string().max(10)).min(1).max(4), at: factDate }),
  z.strictObject({ type: z.literal('district'), codes: z.array(z.string().max(6)).min(1).max(50) }),
  z.strictObject({ type: z.literal('list'), list: z.string().min(1).max(50), where: z.array(listFilter).max(20).optional(), op: comparison, value: z.number() }),
]));

type FormulaInput = { type: string; [key: string]: unknown };

export const FormulaSchema: z.ZodType<FormulaInput> = z.lazy(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), amount: z.number().min(0) }),
  z.strictObject({ type: z.literal('rate'), rate: z.number().min(0).max(10), fact: z.string().max(50), at: factDate }),
  z.strictObject({ type: z.literal('per_count'), amount: z.number().min(0), fact: z.string().max(50), at: factDate }),
  z.strictObject({ type: z.literal('per_list_item'), amount: z.number().min(0), list: z.string().min(1).max(50), where: z.array(listFilter).max(20).optional() }),
  z.strictObject({
    type: z.literal('tiers'), fact: z.string().max(50), at: factDate, firstTime: z.boolean(),
    tiers: z.array(z.strictObject({ atLeast: z.number(), amount: z.number().min(0) })).min(1).max(20),
  }),
  z.strictObject({ type: z.literal('cases'), cases: z.array(z.strictObject({ when: RuleSchema, formula: FormulaSchema })).min(1).max(20), otherwise: FormulaSchema }),
]));

export const PolicyRevisionBody = z.strictObject({
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable().default(null),
  eligibility: RuleSchema,
  benefit: z.strictObject({ formula: FormulaSchema, cap: z.number().min(0).optional() }),
});

export const PolicyBody = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9-]{2,40}$/),
  title: plainText(200),
  titleEn: plainText(200),
  issuer: plainText(200),
  documentNumber: plainText(100),
  mode: z.enum(['auto_grant', 'application']),
  excludes: z.array(z.string().max(40)).max(20).default([]),
  versions: z.array(z.strictObject({
    version: z.number().int().min(1),
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.nullable(),
    eligibility: RuleSchema,
    benefit: z.strictObject({ formula: FormulaSchema, cap: z.number().min(0).optional() }),
  })).min(1).max(20),
});

const Location = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const EnterpriseBody = z.strictObject({
  name: plainText(200),
  uscc: z.string().max(40),
  industryCode: z.string().max(10),
  districtCode: z.string().regex(/^\d{6}$/),
  address: plainText(200).optional(),
  location: Location.optional(),
  liaisonUserId: z.number().int().positive().nullable().optional(),
  patronUserId: z.number().int().positive().nullable().optional(),
});

export const EnterprisePatchBody = EnterpriseBody.omit({ uscc: true, districtCode: true }).partial();

export const FactsBody = z.strictObject({
  facts: z.array(z.strictObject({ key: z.string().max(50), value: z.number(), asOf: IsoDate, source: plainText(100) })).max(500).optional(),
  tags: z.array(z.strictObject({ tag: z.string().max(50), validFrom: IsoDate, validTo: IsoDate.nullable().optional(), source: plainText(100) })).max(50).optional(),
  lists: z.record(z.string().max(50), z.array(z.record(z.string().max(50), scalar)).max(1000)).optional(),
});

export const ContactBody = z.strictObject({
  username: z.string().trim().min(3).max(64),
  password: z.string().min(8).max(256),
  displayName: plainText(100),
  phone: z.string().max(20).optional(),
});

export const DemandBody = z.strictObject({ categoryCode: z.string().max(20), description: plainText(2000), title: plainText(100).optional() });
export const UsccBody = z.strictObject({ uscc: z.string().max(40) });
export const PushBody = z.strictObject({ enterpriseIds: z.array(z.number().int().positive()).max(10_000).optional() });
export const GrantRunBody = z.strictObject({ evaluationDate: IsoDate.optional() });
export const PayBody = z.strictObject({ reference: plainText(100) });
export const DateQuery = z.strictObject({ date: IsoDate.optional() });
export const ImportBody = z.strictObject({ format: z.enum(['csv', 'xlsx']), content: z.string().min(1).max(7_000_000) });
export const PolicyApplicationBody = z.strictObject({
  enterpriseId: z.number().int().positive(),
  categoryCode: z.string().max(20).optional(),
  note: plainText(500).optional(),
});
/** The staff list `GET /api/v1/policy-applications?state=&policyId=`: `state` is the application's stage. */
export const PolicyApplicationListQuery = z.strictObject({
  state: z.enum(['submitted', 'accepted', 'approved', 'rejected', 'paid']).optional(),
  policyId: z.string().regex(/^\d{1,9}$/).optional(),
});
export const PolicyApplicationActionBody = z.strictObject({
  version: z.number().int().min(1),
  note: plainText(500).optional(),
  reference: plainText(100).optional(),
});
