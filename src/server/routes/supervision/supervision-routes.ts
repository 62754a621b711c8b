/**
 * 督办 notices, service ratings (一次一评/一事一评), rating appeals (申诉) and the caller's notifications.
 * Each handler: validate → one service call → present.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RATING_LEVELS } from '../../../domain/case/index.ts';
import { plainText, IdParams } from '../../../shared/api-schemas.ts';
import { issueNotice, listNoticesFor, respondToNotice } from '../../../services/supervision/notice-service.ts';
import {
  SERVICE_CHANNELS, decideRatingAppeal, fileAppeal, listAppealsFor, listServiceRatingsFor, rateService,
} from '../../../services/supervision/rating-service.ts';
import { listMyNotifications, readAllNotifications, readNotification } from '../../../services/case/index.ts';
import { presentAppeal, presentNotice, presentNotification, presentServiceRating } from './supervision-presenter.ts';
import type { RouteDeps } from '../route-deps.ts';

const id = z.coerce.number().int().positive().max(2_147_483_647);

const NoticeBody = z
  .strictObject({
    caseId: z.number().int().positive().optional(),
    departmentId: z.number().int().positive().optional(),
    content: plainText(1000),
    respondWithinDays: z.number().int().min(1).max(30).optional(),
    respondBy: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((body) => (body.caseId === undefined) !== (body.departmentId === undefined), {
    message: 'give either caseId or departmentId', path: ['caseId'], params: { code: 'case_or_department' },
  });
const NoticeListQuery = z.strictObject({ status: z.enum(['open', 'answered', 'escalated']).optional(), caseId: id.optional() });
const RespondBody = z.strictObject({ response: plainText(1000) });
const ServiceRatingBody = z.strictObject({
  departmentId: z.number().int().positive(),
  channel: z.enum(SERVICE_CHANNELS),
  serviceName: plainText(100),
  level: z.enum(RATING_LEVELS),
  comment: plainText(500).optional(),
});
const AppealBody = z
  .strictObject({ caseId: z.number().int().positive().optional(), serviceRatingId: z.number().int().positive().optional(), reason: plainText(1000) })
  .refine((body) => (body.caseId === undefined) !== (body.serviceRatingId === undefined), {
    message: 'give either caseId or serviceRatingId', path: ['caseId'], params: { code: 'case_or_service_rating' },
  });
const AppealListQuery = z.strictObject({ status: z.enum(['pending', 'upheld', 'rejected']).optional() });
const DecideBody = z.strictObject({ upheld: z.boolean(), note: plainText(1000).optional() });

export async function supervisionRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const now = () => services.clock();

  typed.post('/api/v1/notices', { schema: { tags: ['supervision'], summary: '发督办 / Issue a supervision notice', body: NoticeBody } }, async (request, reply) => {
    const body = request.body;
    const notice = await issueNotice(services, request.actor, {
      caseId: body.caseId, departmentId: body.departmentId, content: body.content, respondWithinDays: body.respondWithinDays,
      respondBy: body.respondBy ? new Date(body.respondBy) : undefined,
    });
    return reply.status(201).send(presentNotice(notice, now()));
  });

  typed.get('/api/v1/notices', { schema: { tags: ['supervision'], summary: '督办列表 / List notices', querystring: NoticeListQuery } }, async (request) => {
    const rows = await listNoticesFor(services, request.actor, request.query);
    return { items: rows.map((row) => presentNotice(row, now())) };
  });

  typed.post(
    '/api/v1/notices/:id/respond',
    { schema: { tags: ['supervision'], summary: '回复督办 / Answer a notice', params: IdParams, body: RespondBody } },
    async (request) => presentNotice(await respondToNotice(services, request.actor, Number(request.params.id), request.body.response), now()),
  );

  typed.post(
    '/api/v1/ratings/services',
    { schema: { tags: ['ratings'], summary: '政务服务评价 / Rate a government service', body: ServiceRatingBody } },
    async (request, reply) => reply.status(201).send(presentServiceRating(await rateService(services, request.actor, request.body))),
  );

  typed.get('/api/v1/ratings/services', { schema: { tags: ['ratings'], summary: '政务服务评价列表 / Service ratings' } }, async (request) => {
    const rows = await listServiceRatingsFor(services, request.actor);
    return { items: rows.map((row) => presentServiceRating(row)) };
  });

  typed.post('/api/v1/ratings/appeals', { schema: { tags: ['ratings'], summary: '差评申诉 / Appeal a rating', body: AppealBody } }, async (request, reply) => {
    return reply.status(201).send(presentAppeal(await fileAppeal(services, request.actor, request.body)));
  });

  typed.get('/api/v1/ratings/appeals', { schema: { tags: ['ratings'], summary: '申诉列表 / Appeals', querystring: AppealListQuery } }, async (request) => {
    const rows = await listAppealsFor(services, request.actor, request.query.status);
    return { items: rows.map(presentAppeal) };
  });

  typed.post(
    '/api/v1/ratings/appeals/:id/decide',
    { schema: { tags: ['ratings'], summary: '申诉复核 / Decide an appeal', params: IdParams, body: DecideBody } },
    async (request) => presentAppeal(await decideRatingAppeal(services, request.actor, Number(request.params.id), request.body)),
  );

  typed.get('/api/v1/notifications', { schema: { tags: ['supervision'], summary: '我的通知 / My notifications' } }, async (request) => {
    const rows = await listMyNotifications(services, request.user);
    return { items: rows.map(presentNotification) };
  });

  typed.post(
    '/api/v1/notifications/read-all',
    { schema: { tags: ['supervision'], summary: '全部标记已读 / Mark all my notifications read' } },
    async (request) => ({ read: await readAllNotifications(services, request.user) }),
  );

  typed.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags: ['supervision'], summary: '标记已读 / Mark a notification read', params: IdParams } },
    async (request) => presentNotification(await readNotification(services, request.user, Number(request.params.id))),
  );
}
