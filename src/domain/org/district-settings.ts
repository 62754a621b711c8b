/**
 * A district's settings (区级配置): working hours, indicator weights, red/black list size,
 * rectification days, the "long suspended" threshold, the rating default (days and level) and the duplicate radius.
 * One schema for every reader and writer. Reading is lenient (a stored value that is invalid falls
 * back to its default, field by field); writing is strict. A change applies from the next
 * indicator period (month), so the figures of a past period never change.
 */
import { z } from 'zod';
import { DEFAULT_WORKING_HOURS, toMinuteRanges, toShanghaiDate, type WorkingHours } from '../calendar/index.ts';
import { DEFAULT_WEIGHTS, type IndicatorWeights, type RateKey } from '../supervision/index.ts';
import { RATING_LEVELS, type RatingLevel } from '../case/index.ts';

/** Working days a rectification case (整改) gets by default (DESIGN §4.5). */
export const DEFAULT_RECTIFICATION_DAYS = 5;
/** Days after which the bulletin lists a suspended case as long suspended. */
export const DEFAULT_LONG_SUSPENDED_DAYS = 15;
/** How many units the red and black lists show. */
export const DEFAULT_RANKING_LIST_SIZE = 3;
/** Days after closing without a rating after which a case counts as rated by default (默认评价). */
export const DEFAULT_RATING_DEFAULT_DAYS = 7;
/** The level an unrated service application gets after those days (Guangdong: 基本满意). */
export const DEFAULT_RATING_DEFAULT_LEVEL: RatingLevel = 'basically_satisfied';

/** The working day of the next month a project's monthly report is due by (docs/projects.md). */
export const DEFAULT_PROJECT_REPORT_WORKING_DAY = 5;

/** Rates a district may weight in its 综合指标值. */
export const WEIGHTABLE_RATES = [
  'closeRate', 'onTimeCloseRate', 'onTimeResolveRate', 'reworkRate', 'extensionRate', 'returnRate', 'responseRate', 'resolutionRate',
  'satisfactionRate', 'noticeResponseRate',
] as const satisfies readonly RateKey[];

/** Known rates, non-negative numbers, at least one positive. */
export const IndicatorWeightsSchema = z
  .partialRecord(z.enum(WEIGHTABLE_RATES), z.number().min(0))
  .refine((weights) => Object.values(weights).some((weight) => weight !== undefined && weight > 0), { message: 'some weight must be positive' });

const WorkingHoursSchema = z.object({ periods: z.array(z.object({ start: z.string(), end: z.string() })).min(1).readonly() });

/** The fields and their strict rules; readers and writers both start from here. */
const FIELDS = {
  workingHours: WorkingHoursSchema.refine(areValidHours, { message: 'periods must be HH:MM, sorted, non-overlapping, within one day', params: { code: 'working_hours_invalid' } }),
  indicatorWeights: IndicatorWeightsSchema.refine((weights) => sumOf(weights) === 100, { message: 'weights must sum to 100', params: { code: 'weights_sum' } }),
  rankingListSize: z.number().int().min(0).max(100),
  rectificationDays: z.number().int().min(1).max(60),
  longSuspendedDays: z.number().int().min(1).max(365),
  ratingDefaultDays: z.number().int().min(1).max(60),
  ratingDefaultLevel: z.enum(RATING_LEVELS),
  /** null: each category's own radius; a number: the district's radius for every category. */
  duplicateRadiusMeters: z.number().int().min(0).max(5000).nullable(),
  /** The working day of the next month by which a project's monthly report (月报) is due. */
  projectReportWorkingDay: z.number().int().min(1).max(20),
};

function areValidHours(hours: WorkingHours): boolean {
  try {
    toMinuteRanges(hours);
    return true;
  } catch {
    return false;
  }
}

function sumOf(weights: Record<string, number | undefined>): number {
  return Object.values(weights).reduce<number>((total, weight) => total + (weight ?? 0), 0);
}

/** What an admin may send: any subset of the fields, each strictly valid, nothing else. */
export const DistrictSettingsPatchSchema = z.strictObject(FIELDS).partial();
export type DistrictSettingsPatch = z.infer<typeof DistrictSettingsPatchSchema>;

const DEFAULTS = {
  workingHours: DEFAULT_WORKING_HOURS, indicatorWeights: DEFAULT_WEIGHTS, rankingListSize: DEFAULT_RANKING_LIST_SIZE,
  rectificationDays: DEFAULT_RECTIFICATION_DAYS, longSuspendedDays: DEFAULT_LONG_SUSPENDED_DAYS,
  ratingDefaultDays: DEFAULT_RATING_DEFAULT_DAYS, ratingDefaultLevel: DEFAULT_RATING_DEFAULT_LEVEL, duplicateRadiusMeters: null,
  projectReportWorkingDay: DEFAULT_PROJECT_REPORT_WORKING_DAY,
} as const;

/** Stored values from before weights had to sum to 100 are still read (their share is what counts). */
const LenientSchema = z.object({
  workingHours: FIELDS.workingHours.catch(() => DEFAULTS.workingHours),
  indicatorWeights: IndicatorWeightsSchema.catch(() => DEFAULTS.indicatorWeights),
  rankingListSize: FIELDS.rankingListSize.catch(DEFAULTS.rankingListSize),
  rectificationDays: FIELDS.rectificationDays.catch(DEFAULTS.rectificationDays),
  longSuspendedDays: z.number().positive().catch(DEFAULTS.longSuspendedDays),
  ratingDefaultDays: FIELDS.ratingDefaultDays.catch(DEFAULTS.ratingDefaultDays),
  ratingDefaultLevel: FIELDS.ratingDefaultLevel.catch(DEFAULTS.ratingDefaultLevel),
  duplicateRadiusMeters: FIELDS.duplicateRadiusMeters.catch(DEFAULTS.duplicateRadiusMeters),
  projectReportWorkingDay: FIELDS.projectReportWorkingDay.catch(DEFAULTS.projectReportWorkingDay),
});

export interface DistrictSettings {
  workingHours: WorkingHours;
  indicatorWeights: IndicatorWeights;
  rankingListSize: number;
  rectificationDays: number;
  longSuspendedDays: number;
  ratingDefaultDays: number;
  ratingDefaultLevel: RatingLevel;
  duplicateRadiusMeters: number | null;
  projectReportWorkingDay: number;
}

/** A change an admin made, in force from the first day of `appliesFrom` (YYYY-MM). */
export interface SettingsChange {
  appliesFrom: string;
  values: DistrictSettingsPatch;
}

/** The indicator period (YYYY-MM, Asia/Shanghai) an instant falls in. */
export function periodOf(now: Date): string {
  return toShanghaiDate(now).slice(0, 7);
}

/** The period after `period` (YYYY-MM): where a change made during `period` first applies. */
export function nextPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The changes stored in a district's `settings` json, oldest period first; malformed entries are skipped. */
export function storedChanges(settings: unknown): SettingsChange[] {
  const raw = settings && typeof settings === 'object' ? (settings as { changes?: unknown }).changes : undefined;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((c): c is SettingsChange => Boolean(c) && /^\d{4}-\d{2}$/.test(String(c.appliesFrom)) && typeof c.values === 'object')
    .sort((a, b) => a.appliesFrom.localeCompare(b.appliesFrom));
}

/**
 * Reads a district's settings in force during a period (the `settings` json and the `working_hours`
 * column, then every change applying from that period or before), with defaults.
 * @example parseDistrictSettings({ settings: { rectificationDays: 7 } }, '2026-12').rectificationDays // 7
 * @example parseDistrictSettings({ settings: { changes: [{ appliesFrom: '2027-01', values: { rectificationDays: 9 } }] } }, '2026-12').rectificationDays // 5
 */
export function parseDistrictSettings(district: { settings?: unknown; workingHours?: unknown }, period: string): DistrictSettings {
  const settings = district.settings && typeof district.settings === 'object' ? district.settings : {};
  const inForce = storedChanges(settings).filter((change) => change.appliesFrom <= period);
  const merged = Object.assign({}, settings, { workingHours: district.workingHours ?? undefined }, ...inForce.map((c) => c.values));
  return LenientSchema.parse(merged);
}

/**
 * Records a patch as the change applying from `appliesFrom`, merged into one already pending for that period.
 * @returns the new `settings` json to store
 */
export function withChange(settings: unknown, appliesFrom: string, patch: DistrictSettingsPatch): Record<string, unknown> {
  const base = settings && typeof settings === 'object' ? { ...(settings as Record<string, unknown>) } : {};
  const others = storedChanges(base).filter((change) => change.appliesFrom !== appliesFrom);
  const pending = storedChanges(base).find((change) => change.appliesFrom === appliesFrom)?.values ?? {};
  return { ...base, changes: [...others, { appliesFrom, values: { ...pending, ...patch } }] };
}
