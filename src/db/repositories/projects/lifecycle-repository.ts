/** The project lifecycle as stored: stages and their nodes in order; how projects use it; saving an edit. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { LifecycleStage, NodeUsage } from '../../../domain/projects/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredLifecycle {
  stages: LifecycleStage[];
  /** node code → node id */
  nodeIds: Map<string, number>;
}

export async function loadLifecycle(db: Db): Promise<StoredLifecycle> {
  const stages = await db.selectFrom('project_stages').selectAll().orderBy('seq').execute();
  const nodes = await db.selectFrom('project_stage_nodes').selectAll().orderBy('seq').execute();
  const nodeIds = new Map(nodes.map((node) => [node.code, node.id]));
  return {
    nodeIds,
    stages: stages.map((stage) => ({
      code: stage.code, name: stage.name, nameEn: stage.name_en,
      nodes: nodes.filter((node) => node.stage_id === stage.id).map((node) => ({
        code: node.code, name: node.name, nameEn: node.name_en, required: node.required, durationDays: node.duration_days,
        ...(node.provisional ? { provisional: true } : {}),
      })),
    })),
  };
}

/** How the projects use each node, per project stage (for checking an edit of the lifecycle). */
export async function lifecycleUsage(db: Db): Promise<NodeUsage[]> {
  const rows = await db.selectFrom('project_nodes as pn')
    .innerJoin('project_stage_nodes as n', 'n.id', 'pn.node_id')
    .innerJoin('projects as pr', 'pr.id', 'pn.project_id')
    .select((eb) => [
      'n.code', 'pr.stage_code', eb.fn.countAll().as('total'),
      eb.fn.count('pn.actual_date').as('done'),
      eb.fn.count(eb.fn.coalesce('pn.actual_date', 'pn.planned_date')).as('dated'),
    ])
    .groupBy(['n.code', 'pr.stage_code'])
    .execute();
  return rows.map((row) => ({ nodeCode: row.code, projectStage: row.stage_code, total: Number(row.total), dated: Number(row.dated), done: Number(row.done) }));
}

/**
 * Writes an edited lifecycle (already checked): stage names; nodes updated in place by code (stage, order,
 * names, required, duration), new nodes added with an empty row on every project, removed (undated) nodes
 * deleted with their project rows.
 */
export async function saveLifecycle(db: Transaction<Database>, stages: readonly LifecycleStage[]): Promise<void> {
  const storedStages = await db.selectFrom('project_stages').select(['id', 'code']).execute();
  const stageIds = new Map(storedStages.map((stage) => [stage.code, stage.id]));
  const storedNodes = await db.selectFrom('project_stage_nodes').select(['id', 'code']).execute();
  const nodeIds = new Map(storedNodes.map((node) => [node.code, node.id]));
  const kept = new Set<string>();
  for (const stage of stages) {
    const stageId = stageIds.get(stage.code)!;
    await db.updateTable('project_stages').set({ name: stage.name, name_en: stage.nameEn }).where('id', '=', stageId).execute();
    for (const [index, node] of stage.nodes.entries()) {
      kept.add(node.code);
      const values = {
        stage_id: stageId, seq: index + 1, name: node.name, name_en: node.nameEn, required: node.required, duration_days: node.durationDays,
        provisional: node.provisional ?? false,
      };
      const id = nodeIds.get(node.code);
      if (id !== undefined) {
        await db.updateTable('project_stage_nodes').set(values).where('id', '=', id).execute();
      } else {
        const inserted = await db.insertInto('project_stage_nodes').values({ ...values, code: node.code }).returning('id').executeTakeFirstOrThrow();
        await db.insertInto('project_nodes')
          .columns(['project_id', 'node_id'])
          .expression((eb) => eb.selectFrom('projects').select((inner) => ['projects.id', inner.cast<number>(inner.val(inserted.id), 'integer').as('node_id')]))
          .execute();
      }
    }
  }
  const removed = storedNodes.filter((node) => !kept.has(node.code)).map((node) => node.id);
  if (removed.length > 0) {
    await db.deleteFrom('project_nodes').where('node_id', 'in', removed).execute();
    await db.deleteFrom('project_stage_nodes').where('id', 'in', removed).execute();
  }
}
