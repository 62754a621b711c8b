/** Case photos: their rows (the bytes live in file storage). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.ts';
import type { AttachmentStage } from '../../../domain/case/attachment-rules.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What a stored photo's row records of it, whoever owns it (a case, a project report). */
export interface StoredPhotoRow {
  uploadedBy: number | null;
  uploaderRole: string;
  mime: string;
  sizeBytes: number;
  width: number;
  height: number;
  sha256: string;
  originalKey: string;
  publicKey: string;
  thumbKey: string;
  now: Date;
}

export interface NewAttachment extends StoredPhotoRow {
  caseId: number;
  districtId: number;
  stage: AttachmentStage;
}

export async function insertAttachment(db: Db, a: NewAttachment) {
  return db
    .insertInto('attachments')
    .values({
      case_id: a.caseId, district_id: a.districtId, stage: a.stage, uploaded_by: a.uploadedBy, uploader_role: a.uploaderRole, mime: a.mime,
      size_bytes: a.sizeBytes, width: a.width, height: a.height, sha256: a.sha256, original_key: a.originalKey, public_key: a.publicKey,
      thumb_key: a.thumbKey, created_at: a.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listCaseAttachments(db: Db, caseId: number) {
  return db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export async function countCaseAttachments(db: Db, caseId: number): Promise<number> {
  const row = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findAttachment(db: Db, id: number) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export type AttachmentRow = Awaited<ReturnType<typeof listCaseAttachments>>[number];

/** Every storage key of every photo, in id order (`civicloop backup` copies their bytes). */
export async function listAllAttachmentKeys(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('attachments').select(['original_key', 'public_key', 'thumb_key']).orderBy('id').execute();
  return rows.flatMap((row) => [row.original_key, row.public_key, row.thumb_key]);
}
