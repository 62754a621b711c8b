/**
 * The one place errors become responses: domain errors and validation failures map through the
 * error catalog to { code, message, messageEn, details? }; anything unexpected is logged and
 * answered as INTERNAL_ERROR without internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { ERROR_CATALOG, toErrorBody, type ErrorCode } from '../../shared/error-codes.ts';

/** Turns zod issues into the details list: every problem, not just the first. */
export function zodIssuesToDetails(error: ZodError, prefix = 'body') {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    code: (issue as { params?: { code?: string } }).params?.code ?? issue.code,
    message: issue.message,
  }));
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/**
 * The router's own refusals, before any route or error handler runs: a path that is not a valid URL component
 * (`%zz`) and a path parameter over `maxParamLength` (a 5,000-character case id). Fastify would answer them in
 * its own shape (and a 414 for the long one); they are bad input like any other, so 400 `VALIDATION_FAILED`,
 * without echoing the path. Found by the fuzz test (test/http/fuzz.test.ts). Passed as Fastify's `frameworkErrors`.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void reply.status(400).send(toErrorBody('VALIDATION_FAILED', [{
    path: 'url', code: tooLong ? 'too_long' : 'invalid_url',
    message: tooLong ? 'a path parameter is too long' : 'the path is not a valid URL',
  }]));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | ZodError, request, reply) => {
    if (error instanceof DomainError) {
      return reply.status(ERROR_CATALOG[error.code].status).send(toErrorBody(error.code, error.details ?? undefined));
    }
    if (error instanceof ZodError) {
      return reply.status(400).send(toErrorBody('VALIDATION_FAILED', zodIssuesToDetails(error)));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext ?? 'body';
      const details = error.validation.map((issue) => ({
        path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        code: (issue.params as { params?: { code?: string } }).params?.code ?? issue.keyword,
        message: issue.message,
      }));
      return reply.status(400).send(toErrorBody('VALIDATION_FAILED', details));
    }
    if ((error as FastifyError).statusCode === 429) {
      return reply.status(429).send(toErrorBody('RATE_LIMITED'));
    }
    const mapped = (error as FastifyError).code ? FASTIFY_CODES[(error as FastifyError).code] : undefined;
    if (mapped) {
      return reply.status(ERROR_CATALOG[mapped].status).send(toErrorBody(mapped, { reason: error.message }));
    }
    if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
      return reply.status(400).send(toErrorBody('VALIDATION_FAILED', { reason: error.message }));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(toErrorBody('INTERNAL_ERROR'));
  });

  app.setNotFoundHandler((_request, reply) => reply.status(404).send(toErrorBody('NOT_FOUND')));
}
