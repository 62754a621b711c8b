/** District targets (目标) per year and their monthly actuals. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DistrictTargetRow } from '../../schema.ts';
import type { TargetKind } from '../../../domain/projects/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface TargetEntry {
  districtId: number;
  year: number;
  indicator: string;
  name: string;
  unit: string;
  kind: TargetKind;
  target: number | null;
  illustrative?: boolean | undefined;
}

export interface ActualEntry {
  month: number;
  value: number | null;
  yoy: number | null;
  illustrative?: boolean | undefined;
}

export interface StoredActual extends ActualEntry {
  targetId: number;
}

export async function upsertTarget(db: Transaction<Database>, entry: TargetEntry): Promise<DistrictTargetRow> {
  const values = {
    district_id: entry.districtId, year: entry.year, indicator: entry.indicator, name: entry.name, unit: entry.unit,
    kind: entry.kind, target: entry.target, illustrative: entry.illustrative ?? false,
  };
  return db.insertInto('district_targets').values(values)
    .onConflict((oc) => oc.columns(['district_id', 'year', 'indicator']).doUpdateSet({
      name: values.name, unit: values.unit, kind: values.kind, target: values.target, illustrative: values.illustrative,
    }))
    .returningAll().executeTakeFirstOrThrow();
}

export async function upsertActuals(db: Transaction<Database>, targetId: number, actuals: readonly ActualEntry[]): Promise<void> {
  for (const actual of actuals) {
    const values = { target_id: targetId, month: actual.month, value: actual.value, yoy: actual.yoy, illustrative: actual.illustrative ?? false };
    await db.insertInto('target_actuals').values(values)
      .onConflict((oc) => oc.columns(['target_id', 'month']).doUpdateSet({ value: values.value, yoy: values.yoy, illustrative: values.illustrative }))
      .execute();
  }
}

/** Every district's targets for the year (peers are ranked across districts). */
export async function listTargetsOfYear(db: Db, year: number): Promise<DistrictTargetRow[]> {
  return db.selectFrom('district_targets').selectAll().where('year', '=', year).orderBy('district_id').orderBy('id').execute();
}

export async function listActuals(db: Db, targetIds: readonly number[]): Promise<StoredActual[]> {
  if (targetIds.length === 0) return [];
  const rows = await db.selectFrom('target_actuals').selectAll().where('target_id', 'in', targetIds).orderBy('month').execute();
  return rows.map((row) => ({ targetId: row.target_id, month: row.month, value: row.value, yoy: row.yoy, illustrative: row.illustrative }));
}
