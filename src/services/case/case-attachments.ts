/**
 * Photos on a case (before/after): added at the steps the rules allow, recorded on the timeline,
 * and served under the case's access rules — the EXIF-free public copy and thumbnail to whoever
 * may see the case, the original (with its EXIF) to staff only.
 */
import { permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { canViewCase, isPublicSide } from '../../domain/case/case-access.ts';
import { canAttach, MAX_ATTACHMENTS_PER_CASE, type AttachmentStage } from '../../domain/case/attachment-rules.ts';
import type { Actor } from '../../domain/case/case-model.ts';
import { findCase, lockCase } from '../../db/repositories/case/case-repository.ts';
import { countCaseAttachments, findAttachment, insertAttachment, listCaseAttachments, type AttachmentRow } from '../../db/repositories/case/attachment-repository.ts';
import { appendEvents } from '../../db/repositories/case/timeline-repository.ts';
import type { CaseRow } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import type { FileStorage } from './file-storage.ts';
import { preparePhoto, storePhotosThen, type PreparedPhoto } from './photo-processing.ts';
import { isReporterOf } from './case-reporter.ts';
import { runWrite } from '../write-transaction.ts';

export type AttachmentVariant = 'public' | 'thumb' | 'original';


/** The case, if the actor may see it. */
function requireVisible(row: CaseRow | undefined, actor: Actor, trackingCode: string | undefined): { row: CaseRow; isReporter: boolean } {
  if (!row) throw new DomainError('NOT_FOUND');
  const isReporter = isReporterOf(row, actor, trackingCode);
  const facts = { districtId: row.district_id, departmentId: row.department_id, gridId: row.grid_id, state: row.state };
  if (!canViewCase(actor, facts, isReporter)) throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'NOT_FOUND');
  return { row, isReporter };
}

/**
 * Adds photos to a case at a stage; all are checked before any is stored.
 * @throws DomainError NOT_FOUND, AUTH_REQUIRED, FORBIDDEN, CASE_INVALID_TRANSITION, ATTACHMENT_MISSING, ATTACHMENT_TYPE_UNSUPPORTED, ATTACHMENT_TOO_LARGE
 */
export async function addCaseAttachments(
  deps: ServiceDeps,
  storage: FileStorage,
  actor: Actor,
  request: { caseId: number; stage: AttachmentStage; files: Buffer[]; trackingCode?: string | undefined },
): Promise<AttachmentRow[]> {
  const { row, isReporter } = requireVisible(await findCase(deps.db, request.caseId), actor, request.trackingCode);
  const decision = canAttach(request.stage, row.state, actor.role, isReporter);
  if (decision === 'forbidden') throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN', { stage: request.stage });
  if (decision === 'wrong_state') throw new DomainError('CASE_INVALID_TRANSITION', { state: row.state, stage: request.stage });
  if (request.files.length === 0) throw new DomainError('ATTACHMENT_MISSING');
  if ((await countCaseAttachments(deps.db, row.id)) + request.files.length > MAX_ATTACHMENTS_PER_CASE) {
    throw new DomainError('ATTACHMENT_TOO_LARGE', { maxPerCase: MAX_ATTACHMENTS_PER_CASE });
  }
  const photos: PreparedPhoto[] = [];
  for (const file of request.files) photos.push(await preparePhoto(file));
  return storePhotosThen(storage, `${row.district_id}/${row.id}`, photos, async (keys) => {
    const now = deps.clock();
    return runWrite(deps, async (trx) => {
      const locked = await lockCase(trx, row.id);
      if (!locked || locked.state !== row.state) throw new DomainError('CASE_VERSION_CONFLICT');
      const rows: AttachmentRow[] = [];
      for (const [i, photo] of photos.entries()) {
        rows.push(await insertAttachment(trx, {
          caseId: row.id, districtId: row.district_id, stage: request.stage, uploadedBy: actor.userId, uploaderRole: isReporter && isPublicSide(actor.role) ? 'citizen' : actor.role,
          mime: photo.mime, sizeBytes: photo.original.length, width: photo.width, height: photo.height, sha256: photo.sha256,
          originalKey: keys[i]!.original, publicKey: keys[i]!.public, thumbKey: keys[i]!.thumb, now,
        }));
      }
      await appendEvents(trx, row.district_id, [{
        caseId: row.id, districtId: row.district_id, at: now, actorUserId: actor.userId, actorRole: isReporter && isPublicSide(actor.role) ? 'citizen' : actor.role,
        action: 'attach', fromState: row.state, toState: row.state, note: null, data: { stage: request.stage, attachmentIds: rows.map((r) => r.id) },
      }]);
      return rows;
    });
  });
}

/** The photos of a case the actor may see. */
export async function listCaseAttachmentsFor(deps: ServiceDeps, actor: Actor, caseId: number, trackingCode?: string): Promise<AttachmentRow[]> {
  requireVisible(await findCase(deps.db, caseId), actor, trackingCode);
  return listCaseAttachments(deps.db, caseId);
}

/**
 * One stored file of a photo.
 * @throws DomainError NOT_FOUND, AUTH_REQUIRED, FORBIDDEN (the original is for staff only)
 */
export async function readCaseAttachment(
  deps: ServiceDeps,
  storage: FileStorage,
  actor: Actor,
  request: { attachmentId: number; variant: AttachmentVariant; trackingCode?: string | undefined },
): Promise<{ mime: string; data: Buffer }> {
  const attachment = await findAttachment(deps.db, request.attachmentId);
  if (!attachment) throw new DomainError('NOT_FOUND');
  requireVisible(await findCase(deps.db, attachment.case_id), actor, request.trackingCode);
  if (request.variant === 'original' && !permits(actor, 'attachment.original')) throw new DomainError('FORBIDDEN', { reason: 'originals are for staff' });
  const key = request.variant === 'original' ? attachment.original_key : request.variant === 'public' ? attachment.public_key : attachment.thumb_key;
  const data = await storage.get(key);
  if (!data) throw new DomainError('NOT_FOUND', { reason: 'file missing' });
  return { mime: request.variant === 'thumb' ? 'image/jpeg' : attachment.mime, data };
}
