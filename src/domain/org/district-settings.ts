/**
 * A district's settings (区级配置): working hours, indicator weights, ranking list size,
 * rectification days and the "long suspended" threshold. One schema, one parse with defaults:
 * a missing or invalid value falls back to its documented default, field by field.
 */
import { z } from 'zod';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../calendar/index.ts';
import { DEFAULT_WEIGHTS, type IndicatorWeights, type RateKey } from '../supervision/index.ts';

/** Working days a rectification case (整改) gets by default (DESIGN §4.5). */
export const DEFAULT_RECTIFICATION_DAYS = 5;
/** Days after which the bulletin lists a suspended case as long suspended. */
export const DEFAULT_LONG_SUSPENDED_DAYS = 15;
/** How many units the red and black lists show. */
export const DEFAULT_RANKING_LIST_SIZE = 3;

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

export const DistrictSettingsSchema = z.object({
  workingHours: WorkingHoursSchema.catch(() => DEFAULT_WORKING_HOURS),
  indicatorWeights: IndicatorWeightsSchema.catch(() => DEFAULT_WEIGHTS),
  rankingListSize: z.number().int().min(0).max(100).catch(DEFAULT_RANKING_LIST_SIZE),
  rectificationDays: z.number().int().min(1).max(60).catch(DEFAULT_RECTIFICATION_DAYS),
  longSuspendedDays: z.number().positive().catch(DEFAULT_LONG_SUSPENDED_DAYS),
});

export interface DistrictSettings {
  workingHours: WorkingHours;
  indicatorWeights: IndicatorWeights;
  rankingListSize: number;
  rectificationDays: number;
  longSuspendedDays: number;
}

/**
 * Reads a district's settings (the `settings` json and the `working_hours` column), with defaults.
 * @example parseDistrictSettings({ settings: { rectificationDays: 7 } }).rectificationDays // 7
 * @example parseDistrictSettings({ settings: { rectificationDays: 'soon' } }).rectificationDays // 5
 */
export function parseDistrictSettings(district: { settings?: unknown; workingHours?: unknown }): DistrictSettings {
  const settings = district.settings && typeof district.settings === 'object' ? district.settings : {};
  return DistrictSettingsSchema.parse({ ...settings, workingHours: district.workingHours ?? undefined });
}
