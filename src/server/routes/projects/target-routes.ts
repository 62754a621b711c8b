/** District targets (目标): the KPI board's reading and the officer's entry. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TARGET_KINDS } from '../../../domain/projects/index.ts';
import { plainText } from '../../../shared/api-schemas.ts';
import { listTargetsFor, putTarget } from '../../../services/projects/index.ts';
import type { RouteDeps } from '../route-deps.ts';

const year = z.coerce.number().int().min(2000).max(2100);
const TargetQuery = z.strictObject({ district: z.string().regex(/^\d{6}$/).optional(), year, month: z.coerce.number().int().min(1).max(12).optional() });
const TargetParams = z.strictObject({ year, indicator: z.string().regex(/^[a-z0-9_]{2,64}$/) });
const TargetBody = z.strictObject({
  districtCode: z.string().regex(/^\d{6}$/).optional(),
  name: plainText(50),
  unit: plainText(20),
  kind: z.enum(TARGET_KINDS),
  target: z.number().nullable(),
  actuals: z.array(z.strictObject({
    month: z.number().int().min(1).max(12), value: z.number().nullable(), yoy: z.number().min(-1000).max(1000).nullable(),
  })).max(12).optional(),
});

export async function targetRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['targets'];

  typed.get('/api/v1/targets', { schema: { tags, summary: '目标与实际 / Targets, actuals and peer rank', querystring: TargetQuery } }, async (request) => {
    return listTargetsFor(services, request.actor, request.query.district, request.query.year, request.query.month);
  });

  typed.put('/api/v1/targets/:year/:indicator', { schema: { tags, summary: '录入目标与月度实际 / Enter a target and monthly actuals', params: TargetParams, body: TargetBody } }, async (request) => {
    await putTarget(services, request.actor, { ...request.body, year: request.params.year, indicator: request.params.indicator });
    return listTargetsFor(services, request.actor, request.body.districtCode, request.params.year);
  });
}
