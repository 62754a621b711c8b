/**
 * Photos on monthly reports (形象进度照片): multipart upload to a report, the list, and the files, under the
 * project's access rules. Multipart parsing is scoped to this plugin, with the case photos' limits.
 */
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PHOTO_MAX_BYTES } from '../../../services/case/index.ts';
import { addReportPhotos, listReportPhotosFor, readReportPhoto } from '../../../services/projects/index.ts';
import { IdParams } from '../../../shared/api-schemas.ts';
import { MAX_FILES_PER_UPLOAD, readUpload } from '../case/index.ts';
import { presentReportPhoto } from './project-presenter.ts';
import type { RouteDeps } from '../route-deps.ts';

const tags = ['projects'];
const id = z.coerce.number().int().positive().max(2_147_483_647);
const ReportParams = z.strictObject({ id: IdParams.shape.id, reportId: id });
const FileParams = z.strictObject({ id, variant: z.enum(['public', 'thumb', 'original']) });

export async function reportPhotoRoutes(app: FastifyInstance, { services, storage }: RouteDeps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: MAX_FILES_PER_UPLOAD, fields: 5, parts: 8 } });
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post('/api/v1/projects/:id/reports/:reportId/photos', {
    bodyLimit: (PHOTO_MAX_BYTES + 64 * 1024) * MAX_FILES_PER_UPLOAD,
    schema: { tags, summary: '月报照片上传（multipart：file ≤3 张）/ Upload report photos (multipart, up to 3 files)', params: ReportParams, consumes: ['multipart/form-data'] },
  }, async (request, reply) => {
    const { files } = await readUpload(request);
    const rows = await addReportPhotos(services, storage, request.actor, { projectId: Number(request.params.id), reportId: request.params.reportId, files });
    return reply.status(201).send({ items: rows.map(presentReportPhoto) });
  });

  typed.get('/api/v1/projects/:id/reports/:reportId/photos', {
    schema: { tags, summary: '月报照片 / Photos of a monthly report', params: ReportParams },
  }, async (request) => {
    const rows = await listReportPhotosFor(services, request.actor, Number(request.params.id), request.params.reportId);
    return { items: rows.map(presentReportPhoto) };
  });

  typed.get('/api/v1/project-photos/:id/:variant', {
    schema: { tags, summary: '月报照片文件 / A report photo file', params: FileParams },
  }, async (request, reply) => {
    const file = await readReportPhoto(services, storage, request.actor, { photoId: request.params.id, variant: request.params.variant });
    return reply
      .header('content-type', file.mime)
      .header('cache-control', 'private, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .send(file.data);
  });
}
