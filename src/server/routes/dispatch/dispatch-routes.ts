/** The dispatch API: suggestions from text and place, the suggestion shown for a case, training, auto-dispatch rules. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AutoDispatchRuleBody, DispatchFeedbackBody, DispatchSuggestBody, DispatchTrainBody } from '../../../shared/dispatch-schemas.ts';
import {
  getAutoDispatchRules, recordSuggestionFeedback, suggestDispatch, trainDistrictByCode, updateAutoDispatchRule,
} from '../../../services/dispatch/index.ts';
import { requirePermission } from '../../plugins/auth.ts';
import type { RouteDeps } from '../route-deps.ts';

/** Citizens' pages suggest as people type (debounced): more than reports, still bounded per address. */
const ANONYMOUS_SUGGESTIONS_PER_MINUTE = 60;
const DistrictQuery = z.strictObject({ district: z.string().regex(/^\d{6}$/) });

export async function dispatchRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/dispatch/suggest',
    {
      schema: { tags: ['dispatch'], summary: '智能派单建议 / Suggested category and department', body: DispatchSuggestBody },
      config: {
        rateLimit: {
          max: ANONYMOUS_SUGGESTIONS_PER_MINUTE,
          timeWindow: '1 minute',
          allowList: (request) => Boolean((request as { user?: unknown }).user),
        },
      },
    },
    async (request) => suggestDispatch(services, request.actor, request.body),
  );

  typed.post(
    '/api/v1/dispatch/feedback',
    { schema: { tags: ['dispatch'], summary: '记录工单所见的派单建议 / Record the suggestion shown for a case', body: DispatchFeedbackBody } },
    async (request, reply) => {
      await recordSuggestionFeedback(services, request.actor, request.body);
      return reply.status(204).send();
    },
  );

  typed.post(
    '/api/v1/dispatch/train',
    { schema: { tags: ['dispatch'], summary: '重新训练派单模型 / Retrain the dispatch model', body: DispatchTrainBody } },
    async (request) => {
      requirePermission(request, 'dispatch.train');
      return trainDistrictByCode(services, request.body.districtCode);
    },
  );

  typed.get(
    '/api/v1/dispatch/auto-rules',
    { schema: { tags: ['dispatch'], summary: '自动派遣阈值 / Auto-dispatch thresholds', querystring: DistrictQuery } },
    async (request) => ({ rules: await getAutoDispatchRules(services, request.actor, request.query.district) }),
  );

  typed.put(
    '/api/v1/dispatch/auto-rules',
    { schema: { tags: ['dispatch'], summary: '设置自动派遣阈值 / Set an auto-dispatch threshold', body: AutoDispatchRuleBody } },
    async (request) => {
      const { districtCode, categoryCode, minConfidence } = request.body;
      return { rules: await updateAutoDispatchRule(services, request.actor, districtCode, categoryCode, minConfidence) };
    },
  );
}
