/** The case API: report, list, read, act. Each handler: validate → one service call → present. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_ACTIONS } from '../../../domain/case/case-model.ts';
import { canSeeReporterContact, caseFactsOf } from '../../../domain/case/case-access.ts';
import { APPLICATION_ACTIONS, isApplicationAction } from '../../../domain/applications/index.ts';
import { ApplicationActionBody } from '../../../shared/application-schemas.ts';
import { performApplicationAction } from '../../../services/applications/index.ts';
import { CASE_ACTION_BODIES, CaseCreateBody, CaseListQuery, CaseRefParams } from '../../../shared/api-schemas.ts';
import { reportCase } from '../../../services/case/case-intake.ts';
import { takeCaseAction } from '../../../services/case/case-actions.ts';
import { actedCaseDetail, getCaseDetail, listCasesFor, newCaseDetail, resolveCaseId } from '../../../services/case/case-queries.ts';
import { exportCases } from '../../../services/case/case-export.ts';
import { runIdempotent } from '../../../services/case/idempotency.ts';
import { DomainError } from '../../../domain/errors.ts';
import { presentCase, presentCaseDetail } from './case-presenter.ts';
import type { RouteDeps } from '../route-deps.ts';

// An application (办件) is a case with its own actions (issue 13): accept, request_supplement, conclude …
const ActionParams = z.strictObject({ id: CaseRefParams.shape.id, action: z.enum([...CASE_ACTIONS, ...APPLICATION_ACTIONS]) });
const TrackingQuery = z.strictObject({ trackingCode: z.string().max(32).optional() });
// Documented loosely here so that each action's own strict schema reports every problem at once.
const ActionBodyDoc = z
  .looseObject({})
  .describe('{ version, …fields }: dispatch takes departmentId; return, decline, check_fail, reject_extension, suspend, reopen take reason; ' +
    'request_extension takes days or until, and reason; resolve and self_handle take note; merge takes intoCaseId; supervise takes note; ' +
    'rate takes level, optional comment, and trackingCode for anonymous reporters. ' +
    'Applications (kind service_application): refuse, withdraw, revoke and start_special take reason; conclude takes outcome; ' +
    'accept and supplement_received may take materials; request_supplement may take missing (beyond the checklist).');

// A phone's offline queue gives each report or check a random key (a UUID) and sends it with every retry.
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().optional().describe('Idempotency-Key: a repeat with the same key answers the first result and creates nothing'),
});

/** Runs `handle` once per Idempotency-Key when the request carries one (else simply runs it), and sends its answer. */
async function answerOnce(
  services: RouteDeps['services'], request: FastifyRequest, reply: FastifyReply,
  handle: () => Promise<{ statusCode: number; body: unknown }>,
) {
  const header = request.headers['idempotency-key'];
  if (header === undefined) {
    const answer = await handle();
    return reply.status(answer.statusCode).send(answer.body);
  }
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) throw new DomainError('IDEMPOTENCY_KEY_INVALID');
  const answer = await runIdempotent(services, request.actor, {
    key: header, method: request.method, path: request.url.split('?')[0] ?? request.url, body: request.body,
  }, handle);
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(answer.statusCode).send(answer.body);
}

export async function caseRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/cases',
    {
      schema: { tags: ['cases'], summary: '上报工单 / Report a case', body: CaseCreateBody, headers: IdempotencyHeaders },
      config: {
        rateLimit: {
          max: config.anonReportsPerMinute,
          timeWindow: '1 minute',
          // Only anonymous reports are limited; staff intake is not.
          allowList: (request) => Boolean((request as { user?: unknown }).user),
        },
      },
    },
    async (request, reply) => answerOnce(services, request, reply, async () => {
      const result = await reportCase(services, request.actor, request.body);
      const detail = await newCaseDetail(services, request.actor, result);
      return { statusCode: 201, body: { ...presentCaseDetail(detail, services.clock()), trackingCode: result.trackingCode } };
    }),
  );

  typed.get(
    '/api/v1/cases',
    { schema: { tags: ['cases'], summary: '工单列表 / List cases', querystring: CaseListQuery } },
    async (request) => {
      const result = await listCasesFor(services, request.actor, request.query);
      const now = services.clock();
      return {
        items: result.items.map((row) => presentCase(row, {
          showReporterContact: canSeeReporterContact(request.actor, caseFactsOf(row), row.reporter_user_id !== null && row.reporter_user_id === request.actor.userId), now,
        })),
        total: result.total, totalIsEstimate: result.totalIsEstimate, nextCursor: result.nextCursor,
      };
    },
  );

  typed.get(
    '/api/v1/cases/export',
    {
      schema: {
        tags: ['cases'], summary: '导出工单清单（.xlsx 或 CSV）/ Export a case list (.xlsx or CSV)',
        querystring: CaseListQuery.omit({ page: true, pageSize: true, cursor: true }).extend({
          format: z.enum(['xlsx', 'csv']).default('xlsx'), lang: z.enum(['zh', 'en']).default('zh'),
        }),
      },
    },
    async (request, reply) => {
      const { format, lang, ...query } = request.query;
      const file = await exportCases(services, request.actor, query, format, lang);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="cases.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.body);
    },
  );

  typed.get(
    '/api/v1/cases/:id',
    { schema: { tags: ['cases'], summary: '工单详情与时间线 / A case with its timeline', params: CaseRefParams, querystring: TrackingQuery } },
    async (request) => {
      const caseId = await resolveCaseId(services, request.params.id);
      const detail = await getCaseDetail(services, request.actor, caseId, request.query.trackingCode);
      return presentCaseDetail(detail, services.clock());
    },
  );

  typed.post(
    '/api/v1/cases/:id/actions/:action',
    { schema: { tags: ['cases'], summary: '办理动作 / Take an action', params: ActionParams, body: ActionBodyDoc, headers: IdempotencyHeaders } },
    async (request, reply) => answerOnce(services, request, reply, async () => (
      { statusCode: 200, body: await takeAction(request.actor, request.params, request.body) }
    )),
  );

  /** One action on one case, answered with the case as the caller now sees it. */
  async function takeAction(actor: FastifyRequest['actor'], params: z.infer<typeof ActionParams>, rawBody: unknown) {
    const request = { actor, params, body: rawBody };
    const { action } = request.params;
    if (isApplicationAction(action)) {
      const body = ApplicationActionBody.parse(request.body);
      const caseId = await resolveCaseId(services, request.params.id);
      const { version, ...fields } = body;
      await performApplicationAction(services, request.actor, { caseId, action, version, fields });
      return presentCaseDetail(await getCaseDetail(services, request.actor, caseId, undefined, { justActed: true }), services.clock());
    }
    const body = CASE_ACTION_BODIES[action].parse(request.body) as Record<string, unknown> & { version: number };
    const caseId = await resolveCaseId(services, request.params.id);
    const outcome = await takeCaseAction(services, request.actor, {
      caseId,
      action,
      version: body.version,
      trackingCode: typeof body.trackingCode === 'string' ? body.trackingCode : undefined,
      fields: {
        departmentId: body.departmentId as number | undefined,
        reason: body.reason as string | undefined,
        note: body.note as string | undefined,
        days: body.days as number | undefined,
        until: typeof body.until === 'string' ? new Date(body.until) : undefined,
        intoCaseId: body.intoCaseId as number | undefined,
        level: body.level as never,
        comment: body.comment as string | undefined,
      },
    });
    const trackingCode = body.trackingCode as string | undefined;
    // A one-statement action returned all the answer shows; a merge (two cases, one transaction) reads its case back.
    const detail = outcome.written
      ? await actedCaseDetail(services, request.actor, outcome.written, trackingCode)
      : await getCaseDetail(services, request.actor, caseId, trackingCode, { justActed: true });
    return presentCaseDetail(detail, services.clock());
  }
}
