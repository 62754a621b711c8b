/** The service item and application (办件) API (issue 13). Each handler: validate → one service call → present. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApplicationCreateBody, ApplicationIndicatorQuery, ApplicationListQuery, ApplicationNumberParams, NationalStatusExportQuery, ApplicationRatingBody, ApplicationTrackQuery, ServiceItemImportBody,
  ServiceItemListQuery,
} from '../../../shared/application-schemas.ts';
import { IdParams } from '../../../shared/api-schemas.ts';
import {
  applicationIndicatorDistrict, computeApplicationIndicatorReport, getApplicationForStaff, importItems, listNationalStatuses, renderNationalStatusesXlsx, renderVoucher, listApplicationsFor, listItemsOf, rateApplication, receiveApplication, trackApplication,
} from '../../../services/applications/index.ts';
import { presentApplication, presentApplicationPublic, presentServiceItem } from './application-presenter.ts';
import type { RouteDeps } from '../route-deps.ts';
import { z } from 'zod';
import { VOUCHER_KINDS } from '../../../domain/applications/index.ts';

const VoucherParams = z.strictObject({ id: IdParams.shape.id, kind: z.enum(VOUCHER_KINDS) });

const tags = ['service-applications'];
/** The applicant's pages need no login; a limit per address keeps number + phone from being guessed. */
const PUBLIC_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export async function applicationRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/api/v1/service-items', { schema: { tags, summary: '政务服务事项清单 / Service items', querystring: ServiceItemListQuery } }, async (request) => {
    return { items: (await listItemsOf(services, request.actor, request.query.districtCode)).map(presentServiceItem) };
  });

  typed.post(
    '/api/v1/service-items/import',
    { bodyLimit: 8_000_000, schema: { tags, summary: '导入事项清单（.xlsx，全部或全不）/ Import service items (all or nothing)', body: ServiceItemImportBody } },
    async (request, reply) => reply.status(201).send(await importItems(services, request.actor, request.body)),
  );

  typed.post('/api/v1/service-applications', { schema: { tags, summary: '窗口接件 / Receive an application', body: ApplicationCreateBody } }, async (request, reply) => {
    const { row } = await receiveApplication(services, request.actor, request.body);
    return reply.status(201).send(presentApplication(await getApplicationForStaff(services, request.actor, row.id)));
  });

  typed.get('/api/v1/service-applications', { schema: { tags, summary: '办件列表（后台收件箱）/ Applications inbox', querystring: ApplicationListQuery } }, async (request) => {
    const views = await listApplicationsFor(services, request.actor, { openOnly: request.query.open === 'true' });
    return { items: views.map(presentApplication) };
  });

  typed.get(
    '/api/v1/service-applications/indicators',
    { schema: { tags, summary: '政务服务指标与排名（按部门、窗口，按月）/ Service indicators and ranking per month', querystring: ApplicationIndicatorQuery } },
    async (request) => {
      const { month, level, district: districtCode } = request.query;
      const district = await applicationIndicatorDistrict(services, request.actor, districtCode);
      const report = await computeApplicationIndicatorReport(services, district, level, month);
      return {
        district: { code: report.district.code, name: report.district.name },
        period: { key: report.period.key, start: report.period.start.toISOString(), end: report.period.end.toISOString() },
        asOf: report.asOf.toISOString(),
        level: report.level,
        items: report.items,
        total: report.total,
      };
    },
  );

  typed.get(
    '/api/v1/service-applications/national-statuses',
    { schema: { tags, summary: '办件状态（国家 1–15 代码）导出 / National status codes of the month', querystring: NationalStatusExportQuery } },
    async (request, reply) => {
      const { month, format, district: districtCode } = request.query;
      const district = await applicationIndicatorDistrict(services, request.actor, districtCode);
      const rows = await listNationalStatuses(services, district.id, month);
      if (format === 'json') return { district: { code: district.code, name: district.name }, month, items: rows };
      const fileName = `办件状态-${district.code}-${month}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="national-statuses-${district.code}-${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(await renderNationalStatusesXlsx(rows));
    },
  );

  typed.get('/api/v1/service-applications/by-case/:id', { schema: { tags, summary: '办件详情（工作人员）/ An application for staff', params: IdParams } }, async (request) => {
    return presentApplication(await getApplicationForStaff(services, request.actor, Number(request.params.id)));
  });

  typed.get(
    '/api/v1/service-applications/by-case/:id/vouchers/:kind',
    { schema: { tags, summary: '受理通知书 / 补正通知书 / 不予受理决定书 (.docx)', params: VoucherParams } },
    async (request, reply) => {
      const voucher = await renderVoucher(services, request.actor, Number(request.params.id), request.params.kind);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="voucher.docx"; filename*=UTF-8''${encodeURIComponent(voucher.fileName)}`)
        .send(voucher.content);
    },
  );

  typed.get(
    '/api/v1/service-applications/:number',
    { schema: { tags, summary: '办件查询（办件编号 + 手机号，免登录）/ Track an application', params: ApplicationNumberParams, querystring: ApplicationTrackQuery }, config: PUBLIC_LIMIT },
    async (request) => presentApplicationPublic(await trackApplication(services, request.params.number, request.query.phone)),
  );

  typed.post(
    '/api/v1/service-applications/:number/rating',
    { schema: { tags, summary: '一事一评 / Rate an application', params: ApplicationNumberParams, body: ApplicationRatingBody }, config: PUBLIC_LIMIT },
    async (request) => presentApplicationPublic(await rateApplication(services, { number: request.params.number, ...request.body })),
  );
}
