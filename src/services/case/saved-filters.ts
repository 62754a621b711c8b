/**
 * Saved filters per user (issue 17): a desk's filter kept on the server under a name, so it follows its user
 * to any browser. Only signed-in staff save filters; each sees and deletes only their own.
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import {
  countSavedFilters, deleteSavedFilter, insertSavedFilter, listSavedFilters, type SavedFilterPage,
} from '../../db/repositories/case/saved-filter-repository.ts';
import type { ServiceDeps } from '../service-deps.ts';

/** Per user and desk: a short list to choose from, not an archive. */
export const MAX_SAVED_FILTERS = 20;

function staffUser(actor: Actor): number {
  if (actor.role === 'anonymous' || actor.userId === null) throw new DomainError('AUTH_REQUIRED');
  if (!permits(actor, 'case.saved_filters')) throw new DomainError('FORBIDDEN');
  return actor.userId;
}

export async function listMySavedFilters(deps: ServiceDeps, actor: Actor, page: SavedFilterPage) {
  return listSavedFilters(deps.db, staffUser(actor), page);
}

/**
 * Saves the desk's filter under a name.
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN, SAVED_FILTER_LIMIT, SAVED_FILTER_NAME_TAKEN
 */
export async function saveFilter(deps: ServiceDeps, actor: Actor, input: { page: SavedFilterPage; name: string; filter: Record<string, string> }) {
  const userId = staffUser(actor);
  if ((await countSavedFilters(deps.db, userId, input.page)) >= MAX_SAVED_FILTERS) throw new DomainError('SAVED_FILTER_LIMIT', { max: MAX_SAVED_FILTERS });
  const row = await insertSavedFilter(deps.db, { userId, ...input, now: deps.clock() });
  if (!row) throw new DomainError('SAVED_FILTER_NAME_TAKEN', { name: input.name });
  return row;
}

/** @throws DomainError AUTH_REQUIRED, FORBIDDEN, NOT_FOUND (none of this id among the caller's own) */
export async function deleteMySavedFilter(deps: ServiceDeps, actor: Actor, id: number): Promise<void> {
  if (!(await deleteSavedFilter(deps.db, staffUser(actor), id))) throw new DomainError('NOT_FOUND');
}
