/**
 * Case photos: multipart upload at a step (report, resolve, self_handle, check), the list, and
 * the files themselves under the case's access rules. Multipart parsing is scoped to this plugin.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.ts';
import { ATTACHMENT_STAGES, type AttachmentStage } from '../../../domain/case/attachment-rules.ts';
import { addCaseAttachments, listCaseAttachmentsFor, readCaseAttachment } from '../../../services/case/case-attachments.ts';
import { CaseRefParams } from '../../../shared/api-schemas.ts';
import { resolveCaseId } from '../../../services/case/case-queries.ts';
import { PHOTO_MAX_BYTES } from '../../../services/case/photo-processing.ts';
import type { AttachmentRow } from '../../../db/repositories/case/attachment-repository.ts';
import type { RouteDeps } from '../route-deps.ts';
import { isWellFormedText } from '../../../shared/text-rules.ts';
import { malformedTextError } from '../../plugins/well-formed-text.ts';

/** Files one multipart upload may carry (case photos and report photos alike). */
export const MAX_FILES_PER_UPLOAD = 3;
const LIMIT_CODES = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

const FileParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647), variant: z.enum(['public', 'thumb', 'original']) });
const TrackingQuery = z.strictObject({ trackingCode: z.string().max(32).optional() });

function presentAttachment(row: AttachmentRow) {
  const base = `/api/v1/attachments/${row.id}`;
  return {
    id: row.id, caseId: row.case_id, stage: row.stage, mime: row.mime, sizeBytes: row.size_bytes, width: row.width, height: row.height,
    uploaderRole: row.uploader_role, createdAt: row.created_at.toISOString(),
    urls: { public: `${base}/public`, thumb: `${base}/thumb`, original: `${base}/original` },
  };
}

/**
 * Reads the stage, the tracking code and the files of a multipart body (the plugin registering the route must
 * register `@fastify/multipart`; the project report photos read their files with it too).
 */
export async function readUpload(request: FastifyRequest): Promise<{ stage: string | undefined; trackingCode: string | undefined; files: Buffer[] }> {
  const result = { stage: undefined as string | undefined, trackingCode: undefined as string | undefined, files: [] as Buffer[] };
  const malformed: string[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        result.files.push(await part.toBuffer());
        continue;
      }
      const value = String(part.value);
      if (!isWellFormedText(value)) malformed.push(`body.${part.fieldname}`);
      else if (part.fieldname === 'stage') result.stage = value;
      else if (part.fieldname === 'trackingCode') result.trackingCode = value.slice(0, 32);
    }
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (LIMIT_CODES.has(code)) throw new DomainError('ATTACHMENT_TOO_LARGE', { maxBytes: PHOTO_MAX_BYTES, maxFiles: MAX_FILES_PER_UPLOAD });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', { expected: 'multipart/form-data' });
    // Anything else the parser throws is about the bytes it was sent (a missing boundary, a truncated part).
    throw new DomainError('MULTIPART_MALFORMED', { reason: (error as Error).message });
  }
  if (malformed.length > 0) throw malformedTextError(malformed);
  return result;
}

export async function attachmentRoutes(app: FastifyInstance, { services, storage }: RouteDeps): Promise<void> {
  await app.register(multipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: MAX_FILES_PER_UPLOAD, fields: 5, parts: 8 } });
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/v1/cases/:id/attachments',
    {
      bodyLimit: (PHOTO_MAX_BYTES + 64 * 1024) * MAX_FILES_PER_UPLOAD,
      schema: {
        tags: ['cases'], summary: '上传照片（multipart：stage、file ≤3 张）/ Upload photos (multipart: stage, up to 3 files)', params: CaseRefParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const caseId = await resolveCaseId(services, request.params.id);
      const upload = await readUpload(request);
      if (!upload.stage || !(ATTACHMENT_STAGES as readonly string[]).includes(upload.stage)) {
        throw new DomainError('VALIDATION_FAILED', [{ path: 'body.stage', code: 'invalid_enum_value', message: `one of ${ATTACHMENT_STAGES.join(', ')}` }]);
      }
      const rows = await addCaseAttachments(services, storage, request.actor, {
        caseId, stage: upload.stage as AttachmentStage, files: upload.files, trackingCode: upload.trackingCode,
      });
      return reply.status(201).send({ items: rows.map(presentAttachment) });
    },
  );

  typed.get(
    '/api/v1/cases/:id/attachments',
    { schema: { tags: ['cases'], summary: '工单照片 / Photos of a case', params: CaseRefParams, querystring: TrackingQuery } },
    async (request) => {
      const caseId = await resolveCaseId(services, request.params.id);
      const rows = await listCaseAttachmentsFor(services, request.actor, caseId, request.query.trackingCode);
      return { items: rows.map(presentAttachment) };
    },
  );

  typed.get(
    '/api/v1/attachments/:id/:variant',
    { schema: { tags: ['cases'], summary: '照片文件（原图仅工作人员）/ A photo file (originals: staff only)', params: FileParams, querystring: TrackingQuery } },
    async (request, reply) => {
      const file = await readCaseAttachment(services, storage, request.actor, {
        attachmentId: request.params.id, variant: request.params.variant, trackingCode: request.query.trackingCode,
      });
      return reply
        .header('content-type', file.mime)
        .header('cache-control', 'private, max-age=300')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .send(file.data);
    },
  );
}
