/** The project lifecycle as stored: stages and their nodes in order. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { LifecycleStage } from '../../../domain/projects/index.ts';

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
