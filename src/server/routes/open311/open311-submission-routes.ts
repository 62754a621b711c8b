/**
 * What an Open311 client sent with a case, for the case page: attribute answers, media links and the
 * outcome of each fetch, intake notes, the client's updates, and (staff only) the reporter's names and contacts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CaseRefParams } from '../../../shared/api-schemas.ts';
import { resolveCaseId } from '../../../services/case/index.ts';
import { getOpen311Submission } from '../../../services/open311/index.ts';
import type { RouteDeps } from '../route-deps.ts';

export async function open311SubmissionRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/cases/:id/open311',
    { schema: { tags: ['open311'], summary: 'Open311 客户端提交的内容 / What an Open311 client sent with the case', params: CaseRefParams } },
    async (request) => {
      const caseId = await resolveCaseId(services, request.params.id);
      return { submission: await getOpen311Submission(services, request.actor, caseId) };
    },
  );
}
