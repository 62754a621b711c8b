/** 月通报: GET /api/v1/bulletins/:district/:month.(docx|xlsx|json) for the district's staff readers. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { districtForReader } from '../../../services/supervision/indicator-service.ts';
import { BULLETIN_CONTENT_TYPES, exportBulletin, type BulletinFormat } from '../../../services/supervision/bulletin-export.ts';
import type { RouteDeps } from '../route-deps.ts';

const BulletinParams = z.strictObject({
  district: z.string().regex(/^\d{6}$/),
  file: z.string().regex(/^\d{4}-\d{2}\.(docx|xlsx|json)$/),
});

export async function bulletinRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/v1/bulletins/:district/:file',
    { schema: { tags: ['indicators'], summary: '月通报 / Monthly bulletin (.docx, .xlsx, .json)', params: BulletinParams } },
    async (request, reply) => {
      const [month, format] = request.params.file.split('.') as [string, BulletinFormat];
      const district = await districtForReader(services, request.actor, request.params.district);
      const result = await exportBulletin(services, district, month, format);
      if (format === 'json') return result.body;
      const ascii = `bulletin-${district.code}-${month}.${format}`;
      return reply
        .header('content-type', BULLETIN_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(result.fileName)}`)
        .send(result.body);
    },
  );
}
