/** Reference data: categories with their time limits, the org tree, departments. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CategoryRow } from '../../../db/schema.ts';
import { CategoryUpdateBody } from '../../../shared/api-schemas.ts';
import { editCategory } from '../../../services/admin/index.ts';
import { requirePermission } from '../../plugins/auth.ts';
import { readCategories, readDepartments, readOrgTables } from '../../../services/org/org-reference.ts';
import { changeDistrictSettings, getDistrictSettings } from '../../../services/org/district-settings-admin.ts';
import type { CategoryView, DepartmentView, OrgTree } from '../../../shared/reference-views.ts';
import type { RouteDeps } from '../route-deps.ts';

function presentCategory(row: CategoryRow): CategoryView {
  return {
    code: row.code, kind: row.kind, majorCode: row.major_code, majorName: row.major_name, majorNameEn: row.major_name_en,
    minorCode: row.minor_code, name: row.minor_name, nameEn: row.minor_name_en, departmentCode: row.department_code,
    handledByStreet: row.handled_by_street, limits: { dispatch: row.dispatch_limit, sign: row.sign_limit, resolve: row.resolve_limit },
    selfHandleAllowed: row.self_handle_allowed, duplicateRadiusMeters: row.duplicate_radius_m, urgent: row.urgent, active: row.active,
  };
}

const DistrictQuery = z.strictObject({ district: z.string().regex(/^\d{6}$/).optional() });

export async function orgRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get('/api/v1/categories', { schema: { tags: ['reference'], summary: '案件类别与时限 / Categories and time limits' } }, async () => {
    const rows = await readCategories(services);
    return { items: rows.map(presentCategory) };
  });

  typed.patch(
    '/api/v1/admin/categories/:code',
    {
      schema: {
        tags: ['admin'], summary: '修改类别的部门与时限 / Edit a category’s department and time limits',
        params: z.strictObject({ code: z.string().max(16) }), body: CategoryUpdateBody,
      },
    },
    async (request) => {
      requirePermission(request, 'admin.org');
      return presentCategory(await editCategory(services, request.params.code, request.body));
    },
  );

  typed.get(
    '/api/v1/org/tree',
    { schema: { tags: ['reference'], summary: '区—街道—社区—网格 / District → street → community → grid', querystring: DistrictQuery } },
    async (request) => {
      const tables = await readOrgTables(services, request.query.district);
      const tree: OrgTree = {
        districts: tables.districts.map((d) => ({
          id: d.id, code: d.code, name: d.name, nameEn: d.name_en, abbr: d.abbr,
          streets: tables.streets.filter((s) => s.district_id === d.id).map((s) => ({
            id: s.id, code: s.code, name: s.name, nameEn: s.name_en,
            communities: tables.communities.filter((c) => c.street_id === s.id).map((c) => ({
              id: c.id, code: c.code, name: c.name,
              grids: tables.grids.filter((g) => g.community_id === c.id).map((g) => ({ id: g.id, code: g.code, name: g.name })),
            })),
          })),
        })),
      };
      return tree;
    },
  );

  typed.get(
    '/api/v1/departments',
    { schema: { tags: ['reference'], summary: '职能部门 / Departments', querystring: DistrictQuery } },
    async (request) => {
      const rows = await readDepartments(services, request.query.district);
      const items: DepartmentView[] = rows.map((d) => ({ id: d.id, districtId: d.district_id, code: d.code, name: d.name, nameEn: d.name_en, streetId: d.street_id }));
      return { items };
    },
  );

  const DistrictParams = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

  typed.get(
    '/api/v1/admin/districts/:code/settings',
    { schema: { tags: ['admin'], summary: '区级配置 / District settings in force and pending', params: DistrictParams } },
    async (request) => {
      requirePermission(request, 'admin.org');
      return getDistrictSettings(services, request.params.code);
    },
  );

  typed.put(
    '/api/v1/admin/districts/:code/settings',
    {
      schema: {
        tags: ['admin'], summary: '修改区级配置（自下一统计周期起生效）/ Change district settings (from the next period)',
        params: DistrictParams, body: z.record(z.string(), z.unknown()),
      },
    },
    async (request) => {
      requirePermission(request, 'admin.org');
      return changeDistrictSettings(services, request.params.code, request.body, request.actor.userId);
    },
  );
}
