import type { FastifyInstance } from 'fastify';
import { checkDatabase } from '../../services/org/index.ts';
import { listProvisionalYears } from '../../services/calendar/index.ts';
import type { RouteDeps } from './route-deps.ts';

export async function healthRoutes(app: FastifyInstance, { handle, services, version, config }: RouteDeps): Promise<void> {
  app.get('/api/v1/health', { schema: { tags: ['system'], summary: '健康检查 / Health check' } }, async () => {
    await checkDatabase(services);
    // demo is public so the login and citizen pages can announce demo mode before anyone signs in
    // provisional years: their holidays are estimated until the State Council notice is imported
    return { status: 'ok', db: handle.kind, version, demo: config.demo, map: config.map, calendar: { provisionalYears: await listProvisionalYears(services) } };
  });
}
