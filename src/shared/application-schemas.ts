/** Request shapes of the service item and application (办件) API (issue 13). */
import { z } from 'zod';
import { CONCLUSION_OUTCOMES } from '../domain/applications/index.ts';
import { RATING_LEVELS } from '../domain/case/index.ts';
import { plainText } from './api-schemas.ts';
import { PHONE_PATTERN } from './text-rules.ts';

const phone = z.string().trim().regex(PHONE_PATTERN);
const material = plainText(100);

export const ServiceItemListQuery = z.strictObject({ districtCode: z.string().regex(/^\d{6}$/).optional() });

export const ServiceItemImportBody = z.strictObject({
  /** The .xlsx file, base64. */
  content: z.string().min(1).max(7_000_000),
  districtCode: z.string().regex(/^\d{6}$/).optional(),
});

export const ApplicationCreateBody = z.strictObject({
  serviceItemCode: z.string().min(1).max(40),
  applicant: z.strictObject({
    name: plainText(50),
    phone,
    uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/).optional(),
  }),
  materials: z.array(material).max(50),
});

export const ApplicationNumberParams = z.strictObject({ number: z.string().min(1).max(40) });
export const ApplicationTrackQuery = z.strictObject({ phone });

export const ApplicationRatingBody = z.strictObject({
  phone,
  level: z.enum(RATING_LEVELS),
  comment: plainText(500).optional(),
});

export const ApplicationListQuery = z.strictObject({ open: z.enum(['true', 'false']).optional() });

/** Every application action takes its version; the fields it needs are checked by the domain (all at once). */
export const ApplicationActionBody = z.strictObject({
  version: z.number().int().positive(),
  reason: plainText(1000).optional(),
  outcome: z.enum(CONCLUSION_OUTCOMES).optional(),
  materials: z.array(material).max(50).optional(),
  missing: z.array(material).max(50).optional(),
});


/** The month's 政务服务 indicators and ranking per department or per window. */
export const ApplicationIndicatorQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  level: z.enum(['department', 'window']).default('department'),
  district: z.string().regex(/^\d{6}$/).optional(),
});

/** The month's national 1–15 status codes, as .xlsx (default) or JSON. */
export const NationalStatusExportQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  format: z.enum(['xlsx', 'json']).default('xlsx'),
  district: z.string().regex(/^\d{6}$/).optional(),
});
