/** Key projects (重点项目): registry, nodes, monthly reports, problems and the 四率. Each handler: validate → one service call → present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ISO_WEEK_PATTERN, PLAN_LEVELS, PROJECT_TYPES } from '../../../domain/projects/index.ts';
import { IdParams, LocationSchema, plainText } from '../../../shared/api-schemas.ts';
import {
  computeProjectRates, createProject, editLifecycle, getLifecycle, projectReportStatus, weeklyCoordinationDocx, weeklyCoordinationFor, exportProjectsXlsx, fileMonthlyReport, importProjects, getProjectDetail, listProjectsFor, patchProject, raiseProjectProblem, setProjectNode,
} from '../../../services/projects/index.ts';
import { presentCoordination, presentProject, presentProjectDetail, presentReport } from './project-presenter.ts';
import type { RouteDeps } from '../route-deps.ts';

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ym = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const district = z.string().regex(/^\d{6}$/);
const ProjectFieldsSchema = {
  name: plainText(100),
  type: z.enum(PROJECT_TYPES),
  totalInvestment: z.number(),
  annualInvestment: z.number(),
  location: LocationSchema.optional(),
  address: plainText(200).optional(),
  ownerEnterprise: plainText(100).optional(),
  patronUserId: z.number().int().positive().nullable().optional(),
  departmentId: z.number().int().positive().nullable().optional(),
  taskForce: z.array(plainText(50)).max(50).optional(),
  plannedStart: ymd.optional(),
  plannedEnd: ymd.optional(),
  parentId: z.number().int().positive().nullable().optional(),
  planLists: z.array(z.strictObject({ year: z.number().int().min(2000).max(2100), level: z.enum(PLAN_LEVELS) })).max(30).optional(),
};
const CreateBody = z.strictObject({ ...ProjectFieldsSchema, districtCode: district.optional(), scheduleBackFrom: ymd.optional() });
const PatchBody = z.strictObject({
  ...Object.fromEntries(Object.entries(ProjectFieldsSchema).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof typeof ProjectFieldsSchema]: z.ZodOptional<(typeof ProjectFieldsSchema)[K]> },
  stageCode: z.string().min(1).max(64).optional(),
  version: z.number().int().positive(),
});
const ListQuery = z.strictObject({
  district: district.optional(),
  patron: z.union([z.literal('me'), z.coerce.number().int().positive()]).optional(),
  stage: z.string().max(64).optional(),
  type: z.enum(PROJECT_TYPES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  department: z.coerce.number().int().positive().optional(),
});
const NodeParams = z.strictObject({ id: IdParams.shape.id, nodeId: z.string().min(1).max(64) });
const NodeBody = z.strictObject({ plannedDate: ymd.nullable().optional(), actualDate: ymd.nullable().optional() });
const ReportBody = z.strictObject({
  month: ym, amount: z.number(), progressText: plainText(2000).optional(), overPlanExplanation: plainText(500).optional(),
});
const ProblemBody = z.strictObject({ categoryCode: z.string().min(1).max(16), title: plainText(80), description: plainText(2000) });
const RatesQuery = z.strictObject({ district: district.optional(), month: ym });
const LifecycleNodeBody = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/), name: plainText(50), nameEn: plainText(80), required: z.boolean(),
  durationDays: z.number().int().min(0).max(3650), provisional: z.boolean().optional(),
});
const LifecycleBody = z.strictObject({
  stages: z.array(z.strictObject({ code: z.string().min(1).max(64), name: plainText(50), nameEn: plainText(80), nodes: z.array(LifecycleNodeBody).max(60) })).min(1).max(20),
});
/** An ISO week 'YYYY-Www', default the current one. */
const WeekQuery = z.strictObject({ district: district.optional(), week: z.string().regex(ISO_WEEK_PATTERN).optional() });
/** The .xlsx in base64 (the export's columns); `district` for an admin. */
const ImportBody = z.strictObject({ content: z.string().min(1).max(7_000_000), district: district.optional() });

export async function projectRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  typed.get('/api/v1/projects', { schema: { tags, summary: '重点项目列表 / List projects', querystring: ListQuery } }, async (request) => {
    const { district: districtCode, stage, year, department, ...rest } = request.query;
    const result = await listProjectsFor(services, request.actor, { ...rest, districtCode, stageCode: stage, listYear: year, departmentId: department });
    return { district: result.district, items: result.items.map(presentProject) };
  });

  typed.post('/api/v1/projects', { schema: { tags, summary: '新建项目 / Create a project', body: CreateBody } }, async (request, reply) => {
    return reply.status(201).send(presentProject(await createProject(services, request.actor, request.body)));
  });

  typed.get('/api/v1/projects/rates', { schema: { tags, summary: '四率与赛马 / Four rates and ranking', querystring: RatesQuery } }, async (request) => {
    return computeProjectRates(services, request.actor, request.query.district, request.query.month);
  });

  typed.get('/api/v1/projects/report-status', { schema: { tags, summary: '月报填报情况（迟报、缺报） / Monthly reports: late and missing', querystring: z.strictObject({ district: district.optional(), month: ym.optional() }) } }, async (request) => {
    return projectReportStatus(services, request.actor, request.query.district, request.query.month);
  });

  typed.get('/api/v1/projects/weekly-coordination', { schema: { tags, summary: '周调度问题清单 / Weekly coordination list', querystring: WeekQuery } }, async (request) => {
    return presentCoordination(await weeklyCoordinationFor(services, request.actor, request.query.district, request.query.week));
  });

  typed.get('/api/v1/projects/weekly-coordination.docx', { schema: { tags, summary: '周调度问题清单 (.docx) / Weekly coordination list as Word', querystring: WeekQuery } }, async (request, reply) => {
    const file = await weeklyCoordinationDocx(services, request.actor, request.query.district, request.query.week);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="weekly-coordination.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.body);
  });

  typed.get('/api/v1/projects/lifecycle', { schema: { tags, summary: '项目生命周期（阶段与节点） / The lifecycle: stages and nodes' } }, async (request) => {
    return { stages: await getLifecycle(services, request.actor) };
  });

  typed.put('/api/v1/projects/lifecycle', { schema: { tags, summary: '修改项目生命周期（管理员） / Edit the lifecycle (admin)', body: LifecycleBody } }, async (request) => {
    return { stages: await editLifecycle(services, request.actor, request.body.stages) };
  });

  typed.get('/api/v1/projects/export', { schema: { tags, summary: '导出项目清单 / Export projects (.xlsx)', querystring: z.strictObject({ district: district.optional() }) } }, async (request, reply) => {
    const file = await exportProjectsXlsx(services, request.actor, request.query.district);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="projects.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.body);
  });

  typed.post('/api/v1/projects/import', { schema: { tags, summary: '导入项目清单 (.xlsx) / Import a project list', body: ImportBody } }, async (request, reply) => {
    return reply.status(201).send(await importProjects(services, request.actor, request.body));
  });

  typed.get('/api/v1/projects/:id', { schema: { tags, summary: '项目详情 / One project', params: IdParams } }, async (request) => {
    return presentProjectDetail(await getProjectDetail(services, request.actor, Number(request.params.id)));
  });

  typed.patch('/api/v1/projects/:id', { schema: { tags, summary: '修改项目、推进阶段 / Change a project or advance its stage', params: IdParams, body: PatchBody } }, async (request) => {
    return presentProject(await patchProject(services, request.actor, Number(request.params.id), request.body));
  });

  typed.post('/api/v1/projects/:id/nodes/:nodeId', { schema: { tags, summary: '节点日期 / Set node dates', params: NodeParams, body: NodeBody } }, async (request) => {
    return presentProject(await setProjectNode(services, request.actor, Number(request.params.id), request.params.nodeId, request.body));
  });

  typed.post('/api/v1/projects/:id/reports', { schema: { tags, summary: '填报月报 / File a monthly report', params: IdParams, body: ReportBody } }, async (request, reply) => {
    return reply.status(201).send(presentReport(await fileMonthlyReport(services, request.actor, Number(request.params.id), request.body)));
  });

  typed.post('/api/v1/projects/:id/problems', { schema: { tags, summary: '提出项目问题（生成工单） / Raise a problem as a case', params: IdParams, body: ProblemBody } }, async (request, reply) => {
    const row = await raiseProjectProblem(services, request.actor, Number(request.params.id), request.body);
    return reply.status(201).send({ caseId: row.id, number: row.number, state: row.state, title: row.title });
  });
}
