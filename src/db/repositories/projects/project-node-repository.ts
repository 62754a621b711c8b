/** A project's node dates, joined with the lifecycle so the rules can read them. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { ProjectNodeState } from '../../../domain/projects/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredProjectNode extends ProjectNodeState {
  id: number;
  projectId: number;
  name: string;
  nameEn: string;
}

/** Creates one row per lifecycle node for a new project, with the given planned dates. */
export async function insertProjectNodes(db: Transaction<Database>, projectId: number, nodes: readonly { nodeId: number; plannedDate: string | null; actualDate: string | null }[]): Promise<void> {
  if (nodes.length === 0) return;
  await db.insertInto('project_nodes')
    .values(nodes.map((node) => ({ project_id: projectId, node_id: node.nodeId, planned_date: node.plannedDate, actual_date: node.actualDate })))
    .execute();
}

export async function listProjectNodes(db: Db, projectIds: readonly number[]): Promise<StoredProjectNode[]> {
  if (projectIds.length === 0) return [];
  const rows = await db.selectFrom('project_nodes as pn')
    .innerJoin('project_stage_nodes as n', 'n.id', 'pn.node_id')
    .innerJoin('project_stages as s', 's.id', 'n.stage_id')
    .select(['pn.id', 'pn.project_id', 'pn.planned_date', 'pn.actual_date', 'n.code', 'n.name', 'n.name_en', 'n.required', 's.code as stage_code'])
    .where('pn.project_id', 'in', projectIds)
    .orderBy('s.seq').orderBy('n.seq')
    .execute();
  return rows.map((row) => ({
    id: row.id, projectId: row.project_id, nodeCode: row.code, stageCode: row.stage_code, required: row.required,
    name: row.name, nameEn: row.name_en, plannedDate: row.planned_date, actualDate: row.actual_date,
  }));
}

export async function setNodeDates(db: Transaction<Database>, id: number, dates: { plannedDate: string | null; actualDate: string | null }): Promise<void> {
  await db.updateTable('project_nodes').set({ planned_date: dates.plannedDate, actual_date: dates.actualDate }).where('id', '=', id).execute();
}
