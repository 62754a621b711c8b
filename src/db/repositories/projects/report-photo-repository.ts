/** Photos on monthly reports: their rows (the bytes live in file storage, like case photos). */
import type { Kysely, Transaction } from 'kysely';
import type { Database, ProjectReportPhotoRow, ProjectReportRow } from '../../schema.ts';
import type { StoredPhotoRow } from '../case/index.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewReportPhoto extends StoredPhotoRow {
  reportId: number;
  projectId: number;
  districtId: number;
}

export async function insertReportPhoto(db: Transaction<Database>, p: NewReportPhoto): Promise<ProjectReportPhotoRow> {
  return db.insertInto('project_report_photos').values({
    report_id: p.reportId, project_id: p.projectId, district_id: p.districtId, uploaded_by: p.uploadedBy, uploader_role: p.uploaderRole,
    mime: p.mime, size_bytes: p.sizeBytes, width: p.width, height: p.height, sha256: p.sha256,
    original_key: p.originalKey, public_key: p.publicKey, thumb_key: p.thumbKey, created_at: p.now,
  }).returningAll().executeTakeFirstOrThrow();
}

/** The report of a project, or undefined (a report id of another project is not found). */
export async function findProjectReport(db: Db, projectId: number, reportId: number): Promise<ProjectReportRow | undefined> {
  return db.selectFrom('project_reports').selectAll().where('id', '=', reportId).where('project_id', '=', projectId).executeTakeFirst();
}

/** The photos of a project's reports (one report when `reportId` is given), in upload order. */
export async function listReportPhotos(db: Db, projectId: number, reportId?: number): Promise<ProjectReportPhotoRow[]> {
  let query = db.selectFrom('project_report_photos').selectAll().where('project_id', '=', projectId);
  if (reportId !== undefined) query = query.where('report_id', '=', reportId);
  return query.orderBy('id').execute();
}

export async function countReportPhotos(db: Db, reportId: number): Promise<number> {
  const row = await db.selectFrom('project_report_photos').select((eb) => eb.fn.countAll<number>().as('n')).where('report_id', '=', reportId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findReportPhoto(db: Db, id: number): Promise<ProjectReportPhotoRow | undefined> {
  return db.selectFrom('project_report_photos').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every storage key of every report photo, in id order (`civicloop backup` copies their bytes). */
export async function listAllReportPhotoKeys(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('project_report_photos').select(['original_key', 'public_key', 'thumb_key']).orderBy('id').execute();
  return rows.flatMap((row) => [row.original_key, row.public_key, row.thumb_key]);
}
