/** The frozen 四率 of closed months (project_rate_snapshots) and the months whose missing reports were notified. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, FrozenUnitRates, ProjectRateSnapshotRow } from '../../schema.ts';
import type { FourRates } from '../../../domain/projects/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function findRateSnapshot(db: Db, districtId: number, month: string): Promise<ProjectRateSnapshotRow | undefined> {
  return db.selectFrom('project_rate_snapshots').selectAll().where('district_id', '=', districtId).where('month', '=', month).executeTakeFirst();
}

/**
 * Stores a month's snapshot unless one is there already (the first freeze wins, so two instances
 * freezing at once keep one), and returns the stored row.
 */
export async function insertRateSnapshot(db: Db, snapshot: {
  districtId: number; month: string; rates: FourRates; units: FrozenUnitRates[]; closesAt: Date; frozenAt: Date;
}): Promise<ProjectRateSnapshotRow> {
  await db.insertInto('project_rate_snapshots').values({
    district_id: snapshot.districtId, month: snapshot.month, rates: JSON.stringify(snapshot.rates), units: JSON.stringify(snapshot.units),
    closes_at: snapshot.closesAt, frozen_at: snapshot.frozenAt,
  }).onConflict((oc) => oc.columns(['district_id', 'month']).doNothing()).execute();
  return (await findRateSnapshot(db, snapshot.districtId, snapshot.month))!;
}

/** The months of a district that are frozen already. */
export async function listRateSnapshotMonths(db: Db, districtId: number): Promise<string[]> {
  return (await db.selectFrom('project_rate_snapshots').select('month').where('district_id', '=', districtId).execute()).map((row) => row.month);
}

/**
 * Claims the notice of a district's month with missing reports; true for the one caller that inserted it.
 */
export async function claimReportNotice(db: Db, notice: { districtId: number; month: string; missing: number; at: Date }): Promise<boolean> {
  const inserted = await db.insertInto('project_report_notices')
    .values({ district_id: notice.districtId, month: notice.month, missing: notice.missing, sent_at: notice.at })
    .onConflict((oc) => oc.columns(['district_id', 'month']).doNothing())
    .returning('month')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Drops a district's snapshots (the demo seed, after writing a backdated history). */
export async function deleteRateSnapshots(db: Db, districtId: number): Promise<void> {
  await db.deleteFrom('project_rate_snapshots').where('district_id', '=', districtId).execute();
}
