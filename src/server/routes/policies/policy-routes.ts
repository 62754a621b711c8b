/**
 * Policies as data, 一站查 and 精准推 matching with explanations, pushes with read receipts, and
 * 免申即享 grant runs (confirm / decline by the enterprise, pay by a leader, each step audited).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PolicyDefinition, PolicyRevision } from '../../../domain/policies/index.ts';
import { IdParams } from '../../../shared/api-schemas.ts';
import { DateQuery, GrantRunBody, PayBody, PolicyApplicationActionBody, PolicyApplicationBody, PolicyApplicationListQuery, PolicyBody, PolicyRevisionBody, PushBody } from '../../../shared/enterprise-schemas.ts';
import { POLICY_APPLICATION_ACTIONS } from '../../../domain/policies/index.ts';
import {
  actOnPolicyApplication, applyForPolicy, createPolicy, decideGrant, getPolicyApplication, listEnterpriseApplications, listStaffApplications, enterpriseBenefits, enterpriseIndicators, getGrantRun, listPoliciesFor, listPolicyPushes, oneStopFor, payGrant, policyMatchesFor,
  previewPolicy, pushPolicy, readPush, requirePolicy, revisePolicyRules, startGrantRun,
} from '../../../services/policies/index.ts';
import { presentEnterprise } from '../enterprises/index.ts';
import { presentGrantItem, presentMatch, presentPolicy, presentPolicyApplication, presentPush } from './policy-presenter.ts';
import type { RouteDeps } from '../route-deps.ts';

const ItemParams = z.strictObject({ id: z.string().regex(/^\d{1,9}$/), itemId: z.string().regex(/^\d{1,9}$/) });

export async function policyRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];

  typed.get('/api/v1/policies', { schema: { tags, summary: '惠企政策 / Policies' } }, async (request) => {
    return { items: (await listPoliciesFor(services, request.actor)).map(presentPolicy) };
  });

  typed.post('/api/v1/policies', { schema: { tags, summary: '新建政策 / Create a policy', body: PolicyBody } }, async (request, reply) => {
    return reply.status(201).send(presentPolicy(await createPolicy(services, request.actor, request.body as PolicyDefinition)));
  });

  typed.post('/api/v1/policies/preview', { schema: { tags, summary: '政策预览 / Preview an unsaved policy', body: PolicyBody, querystring: DateQuery } }, async (request) => {
    const rows = await previewPolicy(services, request.actor, request.body as PolicyDefinition, request.query.date);
    return { items: rows.map((row) => ({ enterprise: presentEnterprise(row.enterprise), ...presentMatch(row.match) })) };
  });

  typed.post('/api/v1/policies/:id/versions', { schema: { tags, summary: '修订政策规则（新增版本）/ Change the rules (a new version)', params: IdParams, body: PolicyRevisionBody } }, async (request, reply) => {
    return reply.status(201).send(presentPolicy(await revisePolicyRules(services, request.actor, Number(request.params.id), request.body as PolicyRevision)));
  });

  typed.get('/api/v1/policies/:id', { schema: { tags, summary: '政策详情 / Policy', params: IdParams } }, async (request) => {
    await listPoliciesFor(services, request.actor);
    return presentPolicy(await requirePolicy(services, Number(request.params.id)));
  });

  typed.get('/api/v1/enterprises/:id/policies', { schema: { tags, summary: '一站查 / Policies for an enterprise', params: IdParams, querystring: DateQuery } }, async (request) => {
    const entries = await oneStopFor(services, request.actor, Number(request.params.id), request.query.date);
    return { items: entries.map((entry) => ({ policy: presentPolicy(entry.policy), ...presentMatch(entry.match) })) };
  });

  typed.get('/api/v1/enterprises/:id/benefits', { schema: { tags, summary: '企业享受政策 / Pushes and grants of an enterprise', params: IdParams } }, async (request) => {
    const benefits = await enterpriseBenefits(services, request.actor, Number(request.params.id));
    return { pushes: benefits.pushes.map(presentPush), grants: benefits.grants.map(presentGrantItem) };
  });

  typed.get('/api/v1/enterprise-indicators', { schema: { tags, summary: '助企指标 / Demands solved, amounts granted, enterprises reached' } }, async (request) => {
    return enterpriseIndicators(services, request.actor);
  });

  typed.get('/api/v1/policies/:id/matches', { schema: { tags, summary: '精准推 / Enterprises matching a policy', params: IdParams, querystring: DateQuery } }, async (request) => {
    const rows = await policyMatchesFor(services, request.actor, Number(request.params.id), request.query.date);
    return { items: rows.map((row) => ({ enterprise: presentEnterprise(row.enterprise), ...presentMatch(row.match) })) };
  });

  typed.post('/api/v1/policies/:id/pushes', { schema: { tags, summary: '推送政策 / Push a policy', params: IdParams, body: PushBody } }, async (request, reply) => {
    const result = await pushPolicy(services, request.actor, Number(request.params.id), request.body.enterpriseIds);
    return reply.status(201).send({ pushed: result.pushed, items: result.items.map(presentPush) });
  });

  typed.get('/api/v1/policies/:id/pushes', { schema: { tags, summary: '推送记录 / Pushes of a policy', params: IdParams } }, async (request) => {
    return { items: (await listPolicyPushes(services, request.actor, Number(request.params.id))).map(presentPush) };
  });

  typed.post('/api/v1/policies/:id/pushes/read', { schema: { tags, summary: '已读回执 / Read receipt', params: IdParams } }, async (request) => {
    return readPush(services, request.actor, Number(request.params.id));
  });

  typed.post('/api/v1/policies/:id/grant-runs', { schema: { tags, summary: '免申即享比对 / Start a grant run', params: IdParams, body: GrantRunBody } }, async (request, reply) => {
    const { run, items } = await startGrantRun(services, request.actor, Number(request.params.id), request.body.evaluationDate);
    return reply.status(201).send({ id: run.id, policyId: run.policy_id, version: run.version, evaluationDate: run.evaluation_date, runAt: run.run_at, items: items.map(presentGrantItem) });
  });

  typed.get('/api/v1/grant-runs/:id', { schema: { tags, summary: '兑现批次 / Grant run', params: IdParams } }, async (request) => {
    const { run, items, events } = await getGrantRun(services, request.actor, Number(request.params.id));
    return {
      id: run.id, policyId: run.policy_id, version: run.version, evaluationDate: run.evaluation_date, runAt: run.run_at,
      items: items.map(presentGrantItem),
      events: events.map((event) => ({ id: event.id, itemId: event.item_id, action: event.action, actorUserId: event.actor_user_id, at: event.at, data: event.data })),
    };
  });

  for (const [action, decision] of [['confirm', 'confirmed'], ['decline', 'declined']] as const) {
    typed.post(`/api/v1/grant-runs/:id/items/:itemId/${action}`, { schema: { tags, summary: `${action === 'confirm' ? '意愿确认 / Confirm' : '放弃 / Decline'} a grant`, params: ItemParams } }, async (request) => {
      return presentGrantItem(await decideGrant(services, request.actor, Number(request.params.id), Number(request.params.itemId), decision));
    });
  }

  typed.post('/api/v1/grant-runs/:id/items/:itemId/pay', { schema: { tags, summary: '拨付登记 / Record the payout', params: ItemParams, body: PayBody } }, async (request) => {
    return presentGrantItem(await payGrant(services, request.actor, Number(request.params.id), Number(request.params.itemId), request.body.reference));
  });

  typed.post('/api/v1/policies/:id/applications', { schema: { tags, summary: '政策申报 / Apply for a policy', params: IdParams, body: PolicyApplicationBody } }, async (request, reply) => {
    const { row } = await applyForPolicy(services, request.actor, Number(request.params.id), request.body);
    return reply.status(201).send(presentPolicyApplication(await getPolicyApplication(services, request.actor, row.id)));
  });

  typed.get('/api/v1/enterprises/:id/policy-applications', { schema: { tags, summary: '政策申报记录 / Applications of an enterprise', params: IdParams } }, async (request) => {
    return { items: (await listEnterpriseApplications(services, request.actor, Number(request.params.id))).map(presentPolicyApplication) };
  });

  typed.get('/api/v1/policy-applications', { schema: { tags, summary: '政策申报办理 / Policy applications of the district', querystring: PolicyApplicationListQuery } }, async (request) => {
    const { state, policyId } = request.query;
    const views = await listStaffApplications(services, request.actor, { status: state, policyId: policyId === undefined ? undefined : Number(policyId) });
    return { items: views.map(presentPolicyApplication) };
  });

  typed.get('/api/v1/policy-applications/:id', { schema: { tags, summary: '政策申报 / Policy application', params: IdParams } }, async (request) => {
    return presentPolicyApplication(await getPolicyApplication(services, request.actor, Number(request.params.id)));
  });

  for (const action of POLICY_APPLICATION_ACTIONS) {
    const summary = { accept: '受理 / Accept', approve: '审核通过 / Approve', reject: '不予通过 / Reject', pay: '兑现 / Record the payout' }[action];
    typed.post(`/api/v1/policy-applications/:id/${action}`, { schema: { tags, summary, params: IdParams, body: PolicyApplicationActionBody } }, async (request) => {
      const { row } = await actOnPolicyApplication(services, request.actor, { caseId: Number(request.params.id), action, ...request.body });
      return presentPolicyApplication(await getPolicyApplication(services, request.actor, row.id));
    });
  }
}
