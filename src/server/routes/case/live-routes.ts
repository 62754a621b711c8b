/**
 * GET /api/v1/events/stream — server-sent events for the staff desks (issue 17): each case change the
 * signed-in user may see, as `event: case` with a JSON body; a comment line every 25 s keeps proxies from
 * closing an idle stream. The browser's EventSource reconnects by itself; a desk reloads its queue on open.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { DomainError } from '../../../domain/errors.ts';
import type { CaseChange } from '../../../services/case/index.ts';
import type { LiveCaseChange } from '../../../shared/case-views.ts';
import type { RouteDeps } from '../route-deps.ts';

const HEARTBEAT_MS = 25_000;

function present(change: CaseChange): LiveCaseChange {
  return { ...change, at: change.at.toISOString() };
}

export async function liveRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const open = new Set<ServerResponse>();
  // Open streams are never idle: end them first, or closing the server would wait for them.
  app.addHook('preClose', async () => {
    for (const response of open) response.end();
  });

  app.get(
    '/api/v1/events/stream',
    { schema: { tags: ['cases'], summary: '工单实时变化（SSE）/ Live case changes (server-sent events)' } },
    async (request, reply) => {
      const feed = services.caseLive;
      if (request.actor.userId === null || request.actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
      if (!feed) throw new DomainError('NOT_FOUND');
      reply.hijack();
      const response = reply.raw;
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
        'X-Content-Type-Options': 'nosniff',
      });
      open.add(response);
      const unsubscribe = await feed.subscribe(request.actor, (changes) => {
        for (const change of changes) response.write(`event: case\ndata: ${JSON.stringify(present(change))}\n\n`);
      });
      response.write('event: ready\ndata: {}\n\n');
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
      response.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(response);
      });
    },
  );
}
