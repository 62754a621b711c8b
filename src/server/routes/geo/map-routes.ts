/** The map's data: cases as clusters and points for a view, and the place (street, community) at a point. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_STATES } from '../../../domain/case/index.ts';
import { getCaseMap, lookUpPlace } from '../../../services/geo/index.ts';
import type { RouteDeps } from '../route-deps.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/).transform((text) => new Date(text))
  .refine((date) => !Number.isNaN(date.getTime()), { params: { code: 'date' } });
const code = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`));

/** minLng,minLat,maxLng,maxLat — what Leaflet's getBounds().toBBoxString() gives. */
const BBoxParam = z.string().transform((text, ctx) => {
  const parts = text.split(',').map(Number);
  const [minLng, minLat, maxLng, maxLat] = parts;
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || minLng! > maxLng! || minLat! > maxLat! || minLat! < -90 || maxLat! > 90) {
    ctx.addIssue({ code: 'custom', message: 'minLng,minLat,maxLng,maxLat', params: { code: 'bbox' } });
    return z.NEVER;
  }
  return parts as [number, number, number, number];
});

const CaseMapQuerySchema = z.strictObject({
  district: code(6).optional(),
  state: z.string().transform((text) => text.split(',').filter(Boolean)).pipe(z.array(z.enum(CASE_STATES))).optional(),
  category: z.string().trim().min(1).max(16).optional(),
  warning: z.enum(['none', 'amber', 'red']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  street: code(12).optional(),
  community: code(12).optional(),
  grid: code(15).optional(),
  bbox: BBoxParam.optional(),
  zoom: z.coerce.number().min(0).max(22).default(12),
});

const PlaceQuery = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  coordSystem: z.enum(['wgs84', 'gcj02']).optional(),
});

export async function mapRoutes(app: FastifyInstance, { services, config }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/map/cases',
    { schema: { tags: ['cases'], summary: '地图上的工单（按视野聚合）/ Cases on the map, clustered for the view', querystring: CaseMapQuerySchema } },
    async (request) => {
      const { state, ...rest } = request.query;
      return getCaseMap(services, request.actor, { ...rest, states: state });
    },
  );

  typed.get(
    '/api/v1/geo/place',
    {
      schema: { tags: ['reference'], summary: '坐标所在的街道、社区（地址回填）/ The street and community at a point', querystring: PlaceQuery },
      // Public (the citizen's pin), so as limited as the nearby-cases lookup beside it.
      config: { rateLimit: { max: config.anonReportsPerMinute * 6, timeWindow: '1 minute', allowList: (request) => Boolean((request as { user?: unknown }).user) } },
    },
    async (request) => lookUpPlace(services, { lat: request.query.lat, lng: request.query.lng }, request.query.coordSystem),
  );
}
