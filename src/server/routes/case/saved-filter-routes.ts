/** Saved filters per user: list, save, delete one's own (issue 17, migration 0035). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deleteMySavedFilter, listMySavedFilters, saveFilter } from '../../../services/case/saved-filters.ts';
import { IdParams, SavedFilterBody, SavedFilterListQuery } from '../../../shared/api-schemas.ts';
import type { SavedFilterRow } from '../../../db/schema/case.ts';
import type { RouteDeps } from '../route-deps.ts';

function present(row: SavedFilterRow) {
  return { id: row.id, page: row.page, name: row.name, filter: row.filter, createdAt: row.created_at.toISOString() };
}

export async function savedFilterRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/saved-filters',
    { schema: { tags: ['cases'], summary: '我保存的筛选条件 / My saved filters of a desk', querystring: SavedFilterListQuery } },
    async (request) => ({ items: (await listMySavedFilters(services, request.actor, request.query.page)).map(present) }),
  );

  typed.post(
    '/api/v1/saved-filters',
    { schema: { tags: ['cases'], summary: '保存筛选条件 / Save a desk’s filter under a name', body: SavedFilterBody } },
    async (request, reply) => {
      const { page, name, filter } = request.body;
      const kept = Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined));
      return reply.status(201).send(present(await saveFilter(services, request.actor, { page, name, filter: kept })));
    },
  );

  typed.delete(
    '/api/v1/saved-filters/:id',
    { schema: { tags: ['cases'], summary: '删除保存的筛选条件 / Delete a saved filter', params: IdParams } },
    async (request, reply) => {
      await deleteMySavedFilter(services, request.actor, Number(request.params.id));
      return reply.status(204).send();
    },
  );
}
