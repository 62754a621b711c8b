/**
 * Open311 GeoReport v2 at /open311/v2 (reference/open311.md §1), plus FixMyStreet's
 * servicerequestupdates. Every endpoint answers .xml and .json; errors are errors/error with
 * 400, 403 or 404. Routes only read arguments, call one service and format.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import formbody from '@fastify/formbody';
import multipart, { type MultipartFile } from '@fastify/multipart';
import { PHOTO_MAX_BYTES } from '../../../services/case/index.ts';
import { DomainError } from '../../../domain/errors.ts';
import { ERROR_CATALOG, type ErrorCode } from '../../../shared/error-codes.ts';
import {
  getOpen311Request, getOpen311ServiceDefinition, listOpen311Requests, listOpen311Services, listOpen311Updates, OPEN311_MAX_REQUESTS,
  listOpen311Notes, resolveOpen311Token,
} from '../../../services/open311/open311-service.ts';
import { createOpen311Request, postOpen311Update } from '../../../services/open311/open311-intake.ts';
import type { RouteDeps } from '../route-deps.ts';
import { sendOpen311, type Open311Format } from './open311-format.ts';
import { attributes, date, field, list, near, positiveInt, values, type Params } from './open311-params.ts';
import { presentDefinition, presentExtensions, presentRequest, presentService, presentUpdate } from './open311-present.ts';
import { EXTENDED_STATUSES, statesFor, type Open311Status } from './open311-status.ts';
import { discoveryDocument, PUBLIC_ACTIONS } from './open311-discovery.ts';
import { open311SubmissionRoutes } from './open311-submission-routes.ts';

export const OPEN311_PREFIX = '/open311/v2';

/** Photos per multipart POST, as on the case photo upload. */
const MAX_FILES_PER_UPLOAD = 3;

type FormatParams = { format: string };

/** Writes per API key (or per address without one) and minute; one key may serve a whole city's app (default 600). */
function writeLimit(max: number) {
  return {
    max,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => {
      const key = field(argsOf(request), 'api_key');
      return key ? `open311-key:${key.slice(0, 64)}` : `open311-ip:${request.ip}`;
    },
  };
}

function formatOf(request: FastifyRequest): Open311Format {
  const format = (request.params as Partial<FormatParams> | undefined)?.format;
  if (format === 'json' || format === 'xml') return format;
  return /\.json(\?|$)/.test(request.url) ? 'json' : 'xml';
}

/** Checks the suffix: only .xml and .json exist. */
function requireFormat(request: FastifyRequest): Open311Format {
  const format = (request.params as FormatParams).format;
  if (format !== 'xml' && format !== 'json') throw new DomainError('NOT_FOUND', { reason: 'Bad extension. We support .xml and .json' });
  return format;
}

/** Body and query together; the body wins (api_key may come in either). */
function argsOf(request: FastifyRequest): Params {
  const body = request.body && typeof request.body === 'object' ? (request.body as Params) : {};
  return { ...(request.query as Params), ...body };
}

/** Open311 allows 400, 403 and 404 (and 500 for our own failures). */
function open311Status(status: number): number {
  if (status === 401 || status === 403) return 403;
  if (status === 404) return 404;
  return status >= 500 ? 500 : 400;
}

function sendError(reply: FastifyReply, format: Open311Format, status: number, code: ErrorCode, details?: unknown): FastifyReply {
  const entry = ERROR_CATALOG[code];
  const detailText = Array.isArray(details)
    ? details.map((d: { path?: string; message?: string }) => `${d.path ?? ''}: ${d.message ?? ''}`).join('; ')
    : details && typeof details === 'object' ? Object.entries(details).map(([k, v]) => `${k}=${String(v)}`).join(', ') : '';
  const description = `${entry.zh} / ${entry.en} [${code}]${detailText ? ` ${detailText}` : ''}`;
  // The code is a number, as the spec's examples show it (review §E.6).
  return sendOpen311(reply, format, 'errors', [{ code: status, description }], status);
}

/** Photos of a multipart POST, per request: they are read while the fields go to the body. */
const uploadedPhotos = new WeakMap<FastifyRequest, Buffer[]>();

async function collectPhoto(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const bytes = await part.toBuffer();
  uploadedPhotos.set(this, [...(uploadedPhotos.get(this) ?? []), bytes]);
  (part as unknown as { value: string }).value = '';
}

/** Browser clients may read (GET) from any origin; writes need an API key and stay same-origin. */
function allowReadsFromAnyOrigin(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') reply.header('access-control-allow-origin', '*');
  });
  app.options('/*', async (request, reply) => reply
    .header('access-control-allow-origin', '*')
    .header('access-control-allow-methods', 'GET, HEAD')
    .header('access-control-max-age', '86400')
    .status(204).send());
}

/** extensions=true (Chicago, Boston): attributes, extended_attributes and notes on each request. */
function wantsExtensions(query: Params): boolean {
  return field(query, 'extensions') === 'true';
}

async function open311Api(app: FastifyInstance, { services, config, storage }: RouteDeps): Promise<void> {
  const presentRequests = async (rows: Awaited<ReturnType<typeof listOpen311Requests>>, query: Params) => {
    if (!wantsExtensions(query)) return rows.map(presentRequest);
    const notes = await listOpen311Notes(services, rows.map((row) => row.id), PUBLIC_ACTIONS);
    return rows.map((row) => ({ ...presentRequest(row), ...presentExtensions(row, notes.get(row.id) ?? []) }));
  };
  const WRITE_LIMIT = writeLimit(config.open311WritesPerMinute);
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // FixMyStreet's upload_files: the same fields as multipart/form-data, photos as file parts.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues', onFile: collectPhoto,
    limits: { fileSize: PHOTO_MAX_BYTES, files: MAX_FILES_PER_UPLOAD, fields: 200, parts: 200 + MAX_FILES_PER_UPLOAD },
  });
  const media = { storage, fetchPolicy: config.mediaFetch };
  allowReadsFromAnyOrigin(app);

  app.setErrorHandler((error, request, reply) => {
    const format = formatOf(request);
    if (error instanceof DomainError) return sendError(reply, format, open311Status(ERROR_CATALOG[error.code].status), error.code, error.details);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return sendError(reply, format, 429, 'RATE_LIMITED');
    if (status === 413 || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || (error as { code?: string }).code === 'FST_FILES_LIMIT') {
      return sendError(reply, format, 400, 'ATTACHMENT_TOO_LARGE', { maxBytes: PHOTO_MAX_BYTES, maxFiles: MAX_FILES_PER_UPLOAD });
    }
    if (status < 500) return sendError(reply, format, open311Status(status), 'VALIDATION_FAILED', { reason: (error as Error).message });
    request.log.error({ err: error }, 'open311 error');
    return sendError(reply, format, 500, 'INTERNAL_ERROR');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, formatOf(request), 404, 'NOT_FOUND'));
  // The web UI's catch-all would answer unknown paths here with the JSON API's shape; ours is more specific.
  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'], url: '/*', handler: async (request, reply) => sendError(reply, formatOf(request), 404, 'NOT_FOUND', { path: request.url.split('?')[0] }) });

  app.get<{ Params: FormatParams }>('/discovery.:format', async (request, reply) => {
    const format = requireFormat(request);
    // The configured public URL, never the request's Host (a client could name any host there).
    return sendOpen311(reply, format, 'discovery', discoveryDocument(`${config.publicUrl}${OPEN311_PREFIX}`));
  });

  app.get<{ Params: FormatParams }>('/services.:format', async (request, reply) => {
    const format = requireFormat(request);
    const rows = await listOpen311Services(services, field(request.query as Params, 'jurisdiction_id'));
    return sendOpen311(reply, format, 'services', rows.map(presentService));
  });

  app.get<{ Params: FormatParams & { code: string } }>('/services/:code.:format', async (request, reply) => {
    const format = requireFormat(request);
    const found = await getOpen311ServiceDefinition(services, request.params.code, field(request.query as Params, 'jurisdiction_id'));
    return sendOpen311(reply, format, 'service_definition', presentDefinition(found.category, found.attributes));
  });

  app.post<{ Params: FormatParams }>('/requests.:format', { config: { rateLimit: WRITE_LIMIT } }, async (request, reply) => {
    const format = requireFormat(request);
    const args = argsOf(request);
    const created = await createOpen311Request(services, {
      apiKey: field(args, 'api_key'), jurisdictionId: field(args, 'jurisdiction_id'), serviceCode: field(args, 'service_code'),
      lat: field(args, 'lat'), long: field(args, 'long'), addressString: field(args, 'address_string'), addressId: field(args, 'address_id'),
      description: field(args, 'description'), firstName: field(args, 'first_name'), lastName: field(args, 'last_name'),
      email: field(args, 'email'), phone: field(args, 'phone'), deviceId: field(args, 'device_id'), accountId: field(args, 'account_id'),
      coordSystem: field(args, 'coord_system'), attributes: attributes(args), mediaUrls: values(args, 'media_url'), files: uploadedPhotos.get(request) ?? [],
    }, media);
    const accountId = field(args, 'account_id');
    return sendOpen311(reply, format, 'service_requests', [{
      service_request_id: created.serviceRequestId,
      service_notice: `已受理，编号 ${created.serviceRequestId} / Received as ${created.serviceRequestId}`,
      ...(accountId ? { account_id: accountId } : {}),
    }]);
  });

  app.get<{ Params: FormatParams & { token: string } }>('/tokens/:token.:format', async (request, reply) => {
    const format = requireFormat(request);
    const found = await resolveOpen311Token(services, request.params.token, field(request.query as Params, 'jurisdiction_id'));
    return sendOpen311(reply, format, 'service_requests', [{ service_request_id: found.serviceRequestId, token: found.token }]);
  });

  app.get<{ Params: FormatParams }>('/requests.:format', async (request, reply) => {
    const format = requireFormat(request);
    const query = request.query as Params;
    const statuses = list(query, 'status');
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) {
      throw new DomainError('VALIDATION_FAILED', [{ path: 'status', code: 'invalid', message: 'open, closed or both' }]);
    }
    const rows = await listOpen311Requests(services, {
      jurisdictionId: field(query, 'jurisdiction_id'), serviceRequestIds: list(query, 'service_request_id'), serviceCodes: list(query, 'service_code'),
      states: statuses ? statesFor(statuses as Open311Status[]) : undefined, startDate: date(query, 'start_date'), endDate: date(query, 'end_date'),
      page: positiveInt(query, 'page', 1, 1_000_000), pageSize: positiveInt(query, 'page_size', OPEN311_MAX_REQUESTS, OPEN311_MAX_REQUESTS),
      near: near(query),
    });
    return sendOpen311(reply, format, 'service_requests', await presentRequests(rows, query));
  });

  app.get<{ Params: FormatParams & { id: string } }>('/requests/:id.:format', async (request, reply) => {
    const format = requireFormat(request);
    const row = await getOpen311Request(services, request.params.id, field(request.query as Params, 'jurisdiction_id'));
    return sendOpen311(reply, format, 'service_requests', await presentRequests([row], request.query as Params));
  });

  app.get<{ Params: FormatParams }>('/servicerequestupdates.:format', async (request, reply) => {
    const format = requireFormat(request);
    const query = request.query as Params;
    const events = await listOpen311Updates(services, {
      jurisdictionId: field(query, 'jurisdiction_id'), startDate: date(query, 'start_date'), endDate: date(query, 'end_date'), publicActions: PUBLIC_ACTIONS,
    });
    return sendOpen311(reply, format, 'service_request_updates', events.map(presentUpdate));
  });

  app.post<{ Params: FormatParams }>('/servicerequestupdates.:format', { config: { rateLimit: WRITE_LIMIT } }, async (request, reply) => {
    const format = requireFormat(request);
    const args = argsOf(request);
    const id = await postOpen311Update(services, {
      apiKey: field(args, 'api_key'), serviceRequestId: field(args, 'service_request_id'), updateId: field(args, 'update_id'),
      status: field(args, 'status'), updatedDatetime: date(args, 'updated_datetime'), description: field(args, 'description'),
      mediaUrls: values(args, 'media_url'),
    }, EXTENDED_STATUSES);
    const accountId = field(args, 'account_id');
    return sendOpen311(reply, format, 'service_request_updates', [{ update_id: String(id), ...(accountId ? { account_id: accountId } : {}) }]);
  });
}

/** Registers the Open311 API under /open311/v2 (form bodies parsed only there) and the staff view of what clients sent. */
export async function open311Routes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  await app.register(open311Api, { ...deps, prefix: OPEN311_PREFIX });
  await app.register(open311SubmissionRoutes, deps);
}
