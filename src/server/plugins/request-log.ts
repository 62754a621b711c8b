/**
 * One log line per request, written when the answer has gone out: `GET /api/v1/cases 200 12 ms`.
 * Fastify's default is two JSON lines (incoming, completed) per request; the web UI's own files are
 * logged at debug, so loading a page does not bury the API calls it makes.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

const API_PATH = /^\/(api|open311)(\/|$)/;

export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {
    // The completed line says everything; a request that never completes is in the error or stream lines.
  }

  override routeNotFound(): void {
    // The completed line already says 404.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const path = request.url.split('?')[0] ?? request.url;
    const line = `${request.method} ${path} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`;
    if (error) reply.log.error({ err: error }, line);
    else if (API_PATH.test(path) || reply.statusCode >= 500) reply.log.info(line);
    else reply.log.debug(line);
  }
}
