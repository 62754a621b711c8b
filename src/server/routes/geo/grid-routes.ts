/** Grid map: import (admin), locate a point, the map as GeoJSON, and moving a case to another grid. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseRefParams, LocationSchema, plainText } from '../../../shared/api-schemas.ts';
import { importGrids } from '../../../services/geo/grid-import.ts';
import { findGridAt, toWgs84 } from '../../../services/geo/grid-routing.ts';
import { relocateCase } from '../../../services/case/index.ts';
import { listGridMap } from '../../../services/geo/grid-map.ts';
import { getCaseDetail, resolveCaseId } from '../../../services/case/index.ts';
import { presentCaseDetail } from '../case/index.ts';
import { requirePermission } from '../../plugins/auth.ts';
import type { RouteDeps } from '../route-deps.ts';

/** A city's grid file is far larger than an ordinary JSON body. */
const GRID_FILE_LIMIT = 32 * 1024 * 1024;

const CoordSystem = z.enum(['wgs84', 'gcj02']);
const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional() });
const LocateQuery = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  coordSystem: CoordSystem.optional(),
});
const MapQuery = z.strictObject({ district: z.string().regex(/^\d{6}$/).optional() });
export const RelocateBody = z
  .strictObject({
    version: z.number().int().min(1),
    gridCode: z.string().regex(/^\d{15}$/).optional(),
    location: LocationSchema.optional(),
    coordSystem: CoordSystem.optional(),
    note: plainText(1000).optional(),
  })
  .refine((body) => body.gridCode !== undefined || body.location !== undefined, {
    message: 'give gridCode or location', path: ['gridCode'], params: { code: 'grid_or_location' },
  });

export async function gridRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/admin/grids/import',
    {
      bodyLimit: GRID_FILE_LIMIT,
      schema: {
        tags: ['admin'], summary: '导入网格 GeoJSON（全部或全不）/ Import grid GeoJSON (all or nothing)',
        querystring: ImportQuery, body: z.unknown(),
      },
    },
    async (request) => {
      requirePermission(request, 'admin.org');
      return importGrids(services.db, request.body, { dryRun: request.query.dryRun });
    },
  );

  typed.get(
    '/api/v1/grids/locate',
    { schema: { tags: ['reference'], summary: '坐标所在网格 / The grid at a point', querystring: LocateQuery } },
    async (request) => {
      const point = toWgs84({ lat: request.query.lat, lng: request.query.lng }, request.query.coordSystem);
      const grid = await findGridAt(services, point);
      if (!grid) return { location: point, grid: null };
      return { location: point, grid: { id: grid.gridId, code: grid.code, communityId: grid.communityId, streetId: grid.streetId, districtId: grid.districtId } };
    },
  );

  typed.get(
    '/api/v1/grids/map',
    { schema: { tags: ['reference'], summary: '网格地图 GeoJSON / Grid map as GeoJSON', querystring: MapQuery } },
    async (request) => listGridMap(services.db, request.query.district),
  );

  typed.post(
    '/api/v1/cases/:id/relocate',
    { schema: { tags: ['cases'], summary: '调整工单位置 / Move a case to another grid', params: CaseRefParams, body: RelocateBody } },
    async (request) => {
      const caseId = await resolveCaseId(services, request.params.id);
      await relocateCase(services, request.actor, { caseId, ...request.body });
      const detail = await getCaseDetail(services, request.actor, caseId);
      return presentCaseDetail(detail, services.clock());
    },
  );
}
