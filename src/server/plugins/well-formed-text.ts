/**
 * Refuses text that cannot be stored exactly as sent (U+0000, a lone surrogate) before any route sees
 * it, for every parsed body (JSON, Open311 forms), query string and path: once here rather than in each
 * schema, so no new route can forget it. Multipart fields are read by their route and checked there.
 */
import fp from 'fastify-plugin';
import { DomainError } from '../../domain/errors.ts';
import { malformedTextPaths } from '../../shared/text-rules.ts';

/** The details of a TEXT_NOT_WELL_FORMED answer: every field that failed, by path. */
export function malformedTextError(paths: string[]): DomainError {
  return new DomainError('TEXT_NOT_WELL_FORMED', paths.map((path) => ({ path, code: 'not_well_formed' })));
}

export const wellFormedTextPlugin = fp(async (app) => {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...malformedTextPaths(request.params, 'params'),
      ...malformedTextPaths(request.query, 'querystring'),
      ...(Buffer.isBuffer(request.body) ? [] : malformedTextPaths(request.body, 'body')),
    ];
    if (paths.length > 0) throw malformedTextError(paths);
  });
});
