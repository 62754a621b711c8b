/** Request shapes of the dispatch suggestion API (issue 14), shared by the server and the web forms. */
import { z } from 'zod';
import { LocationSchema } from './api-schemas.ts';

/** A long hotline transcript is fine; beyond this it is not a report but a paste (400). */
export const MAX_SUGGEST_TEXT_CHARS = 10_000;

export const DispatchSuggestBody = z.strictObject({
  text: z.string().trim().min(1).max(MAX_SUGGEST_TEXT_CHARS),
  location: LocationSchema.optional(),
  coordSystem: z.enum(['wgs84', 'gcj02']).optional(),
  districtCode: z.string().regex(/^\d{6}$/).optional(),
  limit: z.number().int().min(1).max(5).optional(),
});
export type DispatchSuggestBody = z.infer<typeof DispatchSuggestBody>;

export const DispatchFeedbackBody = z.strictObject({
  caseId: z.number().int().positive(),
  suggestedCategoryCode: z.string().trim().min(1).max(16),
  suggestedDepartmentId: z.number().int().positive().nullable().optional(),
  confidence: z.number().min(0).max(1),
  modelVersion: z.number().int().positive().nullable().optional(),
});

export const DispatchTrainBody = z.strictObject({ districtCode: z.string().regex(/^\d{6}$/) });

export const AutoDispatchRuleBody = z.strictObject({
  districtCode: z.string().regex(/^\d{6}$/),
  categoryCode: z.string().trim().min(1).max(16),
  /** null turns auto-dispatch off for the category. */
  minConfidence: z.number().gt(0).max(1).nullable(),
});
