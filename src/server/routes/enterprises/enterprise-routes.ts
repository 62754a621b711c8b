/**
 * The enterprise registry (GET/POST/PATCH), dated facts, contacts, demands (诉求 → enterprise_demand
 * cases) and the USCC check, which needs no login.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkUscc } from '../../../domain/enterprises/index.ts';
import { IdParams } from '../../../shared/api-schemas.ts';
import { ContactBody, DemandBody, EnterpriseBody, EnterprisePatchBody, FactsBody, ImportBody, UsccBody } from '../../../shared/enterprise-schemas.ts';
import {
  addEnterpriseContact, editEnterprise, importEnterprises, enterpriseDetail, fileDemand, listDemands, listVisibleEnterprises, recordFacts, registerEnterprise,
} from '../../../services/enterprises/index.ts';
import { presentEnterprise, presentEnterpriseDetail } from './enterprise-presenter.ts';
import type { RouteDeps } from '../route-deps.ts';

const ListQuery = z.strictObject({ liaison: z.enum(['me']).optional() });

export async function enterpriseRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];

  typed.post('/api/v1/uscc/validate', { schema: { tags, summary: '校验统一社会信用代码 / Check a USCC', body: UsccBody } }, async (request) => {
    const check = checkUscc(request.body.uscc);
    return { valid: check.valid, normalised: check.normalised, errors: check.errors, warnings: check.warnings, decoded: check.decoded };
  });

  typed.get('/api/v1/enterprises', { schema: { tags, summary: '企业列表 / Enterprises', querystring: ListQuery } }, async (request) => {
    const rows = await listVisibleEnterprises(services, request.actor, { liaison: request.query.liaison === 'me' });
    return { items: rows.map(presentEnterprise) };
  });

  typed.post('/api/v1/enterprises', { schema: { tags, summary: '登记企业 / Register an enterprise', body: EnterpriseBody } }, async (request, reply) => {
    return reply.status(201).send(presentEnterprise(await registerEnterprise(services, request.actor, request.body)));
  });

  typed.post(
    '/api/v1/enterprises/import',
    { bodyLimit: 8_000_000, schema: { tags, summary: '导入企业（.csv/.xlsx，全部或全不）/ Import enterprises (all or nothing)', body: ImportBody } },
    async (request, reply) => reply.status(201).send(await importEnterprises(services, request.actor, request.body)),
  );

  typed.get('/api/v1/enterprises/:id', { schema: { tags, summary: '企业详情 / Enterprise page', params: IdParams } }, async (request) => {
    return presentEnterpriseDetail(await enterpriseDetail(services, request.actor, Number(request.params.id)));
  });

  typed.patch('/api/v1/enterprises/:id', { schema: { tags, summary: '修改企业 / Edit an enterprise', params: IdParams, body: EnterprisePatchBody } }, async (request) => {
    return presentEnterprise(await editEnterprise(services, request.actor, Number(request.params.id), request.body));
  });

  typed.post('/api/v1/enterprises/:id/facts', { schema: { tags, summary: '记录企业指标 / Record dated facts', params: IdParams, body: FactsBody } }, async (request, reply) => {
    return reply.status(201).send(await recordFacts(services, request.actor, Number(request.params.id), request.body));
  });

  typed.post('/api/v1/enterprises/:id/contacts', { schema: { tags, summary: '添加企业联系人账号 / Add an enterprise user', params: IdParams, body: ContactBody } }, async (request, reply) => {
    const user = await addEnterpriseContact(services, request.actor, Number(request.params.id), request.body);
    return reply.status(201).send({ id: user.id, username: user.username, displayName: user.display_name, role: user.role });
  });

  typed.post('/api/v1/enterprises/:id/demands', { schema: { tags, summary: '提交企业诉求 / File a demand', params: IdParams, body: DemandBody } }, async (request, reply) => {
    const row = await fileDemand(services, request.actor, Number(request.params.id), request.body);
    return reply.status(201).send({ caseId: row.id, number: row.number, state: row.state, kind: row.kind });
  });

  typed.get('/api/v1/enterprises/:id/demands', { schema: { tags, summary: '企业诉求 / Demands', params: IdParams } }, async (request) => {
    const rows = await listDemands(services, request.actor, Number(request.params.id));
    return { items: rows.map((row) => ({ caseId: row.id, number: row.number, title: row.title, state: row.state, createdAt: row.created_at, closedAt: row.closed_at })) };
  });
}
