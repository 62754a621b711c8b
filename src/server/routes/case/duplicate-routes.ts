/** Likely duplicates: near a point before reporting ("follow instead"), and of a case for operators (merge). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findLikelyDuplicates, findNearbyCases, type DuplicateCandidate } from '../../../services/case/case-duplicates.ts';
import { followCase } from '../../../services/case/case-follow.ts';
import { findIntakeHints } from '../../../services/case/case-intake-hints.ts';
import { CaseRefParams, IntakeHintsQuery } from '../../../shared/api-schemas.ts';
import { presentCase } from './case-presenter.ts';
import { canSeeReporterContact, caseFactsOf } from '../../../domain/case/case-access.ts';
import type { IntakeHintsView } from '../../../shared/case-views.ts';
import { resolveCaseId } from '../../../services/case/case-queries.ts';
import type { RouteDeps } from '../route-deps.ts';

const NearbyQuery = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  category: z.string().trim().min(1).max(16),
  coordSystem: z.enum(['wgs84', 'gcj02']).optional(),
});

// The body is optional: a resident follows with an empty body; an operator on a hotline call sends forCaller.
const FollowBody = z.strictObject({
  forCaller: z.boolean().optional().describe('an operator follows for the person on the phone, who gets a tracking code'),
}).optional();

/** What anyone may see of a nearby case: no description, no reporter, no exact place. */
function presentPublic(c: DuplicateCandidate) {
  return {
    number: c.number, state: c.state, categoryCode: c.categoryCode, categoryName: c.categoryName, categoryNameEn: c.categoryNameEn,
    distanceMeters: c.distanceMeters, createdAt: c.createdAt.toISOString(),
  };
}

export async function duplicateRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/cases/nearby',
    {
      schema: { tags: ['cases'], summary: '附近的同类未结工单（可关注而不重复上报）/ Open cases of this category nearby', querystring: NearbyQuery },
      config: { rateLimit: { max: config.anonReportsPerMinute * 6, timeWindow: '1 minute', allowList: (request) => Boolean((request as { user?: unknown }).user) } },
    },
    async (request) => {
      const { lat, lng, category, coordSystem } = request.query;
      const result = await findNearbyCases(services, { point: { lat, lng }, coordSystem, categoryCode: category });
      return { radiusMeters: result.radiusMeters, items: result.items.map(presentPublic) };
    },
  );

  typed.post(
    '/api/v1/cases/:id/follow',
    {
      schema: { tags: ['cases'], summary: '关注已有工单（代替重复上报）/ Follow an open case instead of reporting it again', params: CaseRefParams, body: FollowBody },
      config: { rateLimit: { max: config.anonReportsPerMinute, timeWindow: '1 minute', allowList: (request) => Boolean((request as { user?: unknown }).user) } },
    },
    async (request) => {
      const caseId = await resolveCaseId(services, request.params.id);
      return followCase(services, request.actor, caseId, { forCaller: request.body?.forCaller === true });
    },
  );

  typed.get(
    '/api/v1/cases/intake-hints',
    {
      schema: {
        tags: ['cases'], querystring: IntakeHintsQuery,
        summary: '来电登记提示：来电人的历史与未结工单、疑似重复 / Intake hints: the caller’s cases and likely duplicates, before saving',
      },
    },
    async (request): Promise<IntakeHintsView> => {
      const { phone, category, grid } = request.query;
      const hints = await findIntakeHints(services, request.actor, { phone, categoryCode: category, gridCode: grid });
      const now = services.clock();
      const present = (row: Parameters<typeof presentCase>[0]) => presentCase(row, { showReporterContact: canSeeReporterContact(request.actor, caseFactsOf(row), false), now });
      return {
        caller: { total: hints.callerTotal, open: hints.callerOpen.map(present), earlier: hints.callerEarlier.map(present) },
        duplicates: hints.duplicates.map((d) => ({ ...present(d.row), sameCaller: d.sameCaller, sameGrid: d.sameGrid })),
      };
    },
  );

  typed.get(
    '/api/v1/cases/:id/duplicates',
    { schema: { tags: ['cases'], summary: '疑似重复工单（供合并）/ Likely duplicates of a case, to merge', params: CaseRefParams } },
    async (request) => {
      const caseId = await resolveCaseId(services, request.params.id);
      const result = await findLikelyDuplicates(services, request.actor, caseId);
      return {
        radiusMeters: result.radiusMeters,
        items: result.items.map((c) => ({ ...presentPublic(c), id: c.id, title: c.title, gridId: c.gridId, departmentId: c.departmentId })),
      };
    },
  );
}
