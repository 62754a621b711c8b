/**
 * The shapes of API requests, shared by the server (validation, OpenAPI) and the web forms.
 * Objects are strict: an unknown field is an error, not silently dropped.
 */
import { z } from 'zod';
import { CASE_ACTIONS, CASE_KINDS, CASE_LIST_SORTS, CASE_PRIORITIES, CASE_SOURCES, CASE_STATES, RATING_LEVELS, ROLES, type CaseAction } from '../domain/case/index.ts';
import { CASE_REF_PATTERN, MAX_EXTENSION_DAYS, NUMERIC_ID_PATTERN, requiredFieldsOf, type ActionField } from '../domain/case/index.ts';
import { containsMarkup, PHONE_PATTERN } from './text-rules.ts';

/** Free text a person typed: trimmed, bounded, no markup. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !containsMarkup(value), { message: 'HTML is not allowed', params: { code: 'html_not_allowed' } });
}

/** A phone number (the same rule as Open311's `phone`). */
const phoneNumber = z.string().regex(PHONE_PATTERN);

/** Path parameters of a case: its numeric id or its number (LY-2026-000123). */
export const CaseRefParams = z.strictObject({ id: z.string().regex(CASE_REF_PATTERN) });

/** Path parameters of any other row: its numeric id. */
export const IdParams = z.strictObject({ id: z.string().regex(NUMERIC_ID_PATTERN) });

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const LocationSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const CaseCreateBody = z.strictObject({
  kind: z.enum(CASE_KINDS),
  categoryCode: z.string().trim().min(1).max(16),
  description: plainText(2000),
  title: plainText(100).optional(),
  gridCode: z.string().regex(/^\d{15}$/).optional(),
  districtCode: z.string().regex(/^\d{6}$/).optional(),
  location: LocationSchema.optional(),
  /** Datum of `location`: phone map SDKs give GCJ-02; stored as WGS84. Default wgs84. */
  coordSystem: z.enum(['wgs84', 'gcj02']).optional(),
  address: plainText(200).optional(),
  reporter: z
    .strictObject({
      name: plainText(50).optional(),
      phone: phoneNumber.optional(),
    })
    .optional(),
  priority: z.enum(['urgent', 'normal']).optional(),
  source: z.enum(CASE_SOURCES).optional(),
  /** When the report was made on the phone, if it was queued offline and is sent later; kept as `reportedAt`. */
  reportedAt: z.iso.datetime({ offset: true }).optional(),
});
export type CaseCreateBody = z.infer<typeof CaseCreateBody>;

const csv = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean));

export const CaseListQuery = z.strictObject({
  state: csv.pipe(z.array(z.enum(CASE_STATES))).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  district: z.string().regex(/^\d{6}$/).optional(),
  street: z.string().regex(/^\d{12}$/).optional(),
  department: z.coerce.number().int().positive().optional(),
  category: z.string().max(16).optional(),
  overdue: z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1').optional(),
  /** Only cases placed in the caller's own grid (a grid worker's 我的网格); none for callers without a grid. */
  myGrid: z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1').optional(),
  q: z.string().trim().min(1).max(100).optional(),
  source: csv.pipe(z.array(z.enum(CASE_SOURCES))).optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
  /** Reported at or after `from` and before `before` (ISO instants; a day range is the client's midnight to midnight). */
  from: z.iso.datetime({ offset: true }).transform((value) => new Date(value)).optional(),
  before: z.iso.datetime({ offset: true }).transform((value) => new Date(value)).optional(),
  /** newest (default, keyset pages), oldest, urgency (overdue and nearest deadline first), number, -number, priority, category, state. */
  sort: z.enum(CASE_LIST_SORTS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** Keyset paging: the `nextCursor` of the previous page; `page` is then ignored. */
  cursor: z.string().min(1).max(200).optional(),
});

/** The desks that save filters, and the filter itself: the list's query string as an object, checked as the list checks it. */
export const SAVED_FILTER_PAGES = ['workbench', 'inbox', 'search'] as const;
const FILTER_KEYS = ['q', 'category', 'source', 'priority', 'from', 'before', 'state', 'kind', 'district', 'street', 'department', 'overdue', 'sort'] as const;
export const SavedFilterBody = z.strictObject({
  page: z.enum(SAVED_FILTER_PAGES),
  name: plainText(40),
  filter: z.strictObject(Object.fromEntries(FILTER_KEYS.map((key) => [key, z.string().min(1).max(200).optional()])) as Record<(typeof FILTER_KEYS)[number], z.ZodOptional<z.ZodString>>)
    .superRefine((filter, ctx) => {
      const checked = CaseListQuery.safeParse(filter);
      if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: { code: 'invalid_filter' } });
    }),
});
export const SavedFilterListQuery = z.strictObject({ page: z.enum(SAVED_FILTER_PAGES) });

/** 来电登记's hints before saving (GET /api/v1/cases/intake-hints): by the caller's phone, and the category and grid chosen. */
export const IntakeHintsQuery = z.strictObject({
  phone: phoneNumber.optional(),
  category: z.string().trim().min(1).max(16).optional(),
  grid: z.string().regex(/^\d{15}$/).optional(),
});

const version = z.number().int().min(1);
const reason = plainText(1000);
const note = plainText(1000);

/** The shape of each field an action may take; `daysOrUntil` is two fields, exactly one given. */
const FIELD_SCHEMAS = {
  departmentId: { departmentId: z.number().int().positive() },
  reason: { reason },
  note: { note },
  daysOrUntil: { days: z.number().int().min(1).max(MAX_EXTENSION_DAYS), until: z.iso.datetime({ offset: true }) },
  intoCaseId: { intoCaseId: z.number().int().positive() },
  level: { level: z.enum(RATING_LEVELS) },
} satisfies Record<ActionField, Record<string, z.ZodType>>;

/** What an action accepts besides what it requires (the table's `requires`); all optional. */
const OPTIONAL_FIELDS: Record<CaseAction, Record<string, z.ZodType>> = {
  verify: { note }, file: { note }, decline: {}, self_handle: {}, dispatch: { note }, sign: {}, return: {},
  request_extension: {}, approve_extension: { note }, reject_extension: {},
  request_suspension: {}, approve_suspension: { note }, reject_suspension: {}, resume: { note }, resolve: {},
  check_pass: { note }, check_fail: {}, merge: { note }, supervise: {},
  rate: { comment: plainText(500), trackingCode: z.string().max(32) },
  reopen: {},
};

function actionBody(action: CaseAction) {
  const shape: Record<string, z.ZodType> = { version };
  for (const [name, schema] of Object.entries(OPTIONAL_FIELDS[action])) shape[name] = schema.optional();
  const required = requiredFieldsOf(action);
  for (const field of required) {
    for (const [name, schema] of Object.entries(FIELD_SCHEMAS[field])) shape[name] = field === 'daysOrUntil' ? schema.optional() : schema;
  }
  const body = z.strictObject(shape);
  if (!required.includes('daysOrUntil')) return body;
  return body.refine((value) => (value.days === undefined) !== (value.until === undefined), {
    message: 'give either days or until',
    path: ['days'],
    params: { code: 'days_or_until' },
  });
}

/**
 * One strict body per action, derived from the transition table: a field the table requires is
 * required here, an optional one is optional, anything else is an error.
 */
export const CASE_ACTION_BODIES = Object.fromEntries(CASE_ACTIONS.map((action) => [action, actionBody(action)])) as Record<
  CaseAction,
  ReturnType<typeof actionBody>
>;

export const UserCreateBody = z.strictObject({
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,64}$/),
  // Length and guessability are the password policy's (PASSWORD_TOO_WEAK), one rule for every path.
  password: z.string().min(1).max(256),
  displayName: plainText(50),
  role: z.enum(ROLES),
  districtCode: z.string().regex(/^\d{6}$/).optional(),
  departmentCode: z.string().max(32).optional(),
  gridCode: z.string().regex(/^\d{15}$/).optional(),
  phone: phoneNumber.optional(),
});

export const UserIdParams = z.strictObject({ id: z.coerce.number().int().positive() });

/** An admin's edit of a user: department and grid are picked by id from the org tree. */
export const UserEditBody = z.strictObject({
  displayName: plainText(50).optional(),
  phone: phoneNumber.nullable().optional(),
  departmentId: z.number().int().positive().nullable().optional(),
  gridId: z.number().int().positive().nullable().optional(),
});

export const PasswordResetBody = z.strictObject({ newPassword: z.string().min(1).max(256) });

export const SessionIdParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const CalendarDayBody = z.strictObject({
  isWorkingDay: z.boolean(),
  name: plainText(40).optional(),
});

export const CalendarYearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const TimeLimitSchema = z
  .strictObject({
    amount: z.number().positive().max(2928),
    unit: z.enum(['working_hours', 'working_days', 'clock_hours']),
  })
  .refine((limit) => limit.unit !== 'working_days' || (Number.isInteger(limit.amount) && limit.amount <= 366), {
    message: 'working days are whole days, at most 366',
    path: ['amount'],
    params: { code: 'whole_working_days' },
  });

export const CategoryUpdateBody = z
  .strictObject({
    departmentCode: z.string().trim().min(1).max(32).optional(),
    handledByStreet: z.boolean().optional(),
    limits: z.strictObject({ dispatch: TimeLimitSchema.optional(), sign: TimeLimitSchema.optional(), resolve: TimeLimitSchema.optional() }).optional(),
    selfHandleAllowed: z.boolean().optional(),
    duplicateRadiusMeters: z.number().int().min(0).max(5000).optional(),
    urgent: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', params: { code: 'empty' } });
export type CategoryUpdateBody = z.infer<typeof CategoryUpdateBody>;
