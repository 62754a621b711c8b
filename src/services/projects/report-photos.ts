/**
 * Photos on a monthly report (形象进度照片, issue 11 §3): uploaded by whoever may file the report, seen by whoever
 * may see the project, through the case photos' checks (`preparePhoto`: type by its bytes, size, EXIF-free
 * public copy, thumbnail) and the same file storage. Each upload is one event on the project's timeline.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { MAX_PHOTOS_PER_REPORT } from '../../domain/projects/index.ts';
import {
  appendProjectEvent, countReportPhotos, findProjectReport, findReportPhoto, insertReportPhoto, listReportPhotos, lockProject,
} from '../../db/repositories/projects/index.ts';
import type { ProjectReportPhotoRow } from '../../db/schema.ts';
import { preparePhoto, storePhotosThen, type FileStorage, type PreparedPhoto } from '../case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { projectFor } from './project-access.ts';

export type ReportPhotoVariant = 'public' | 'thumb' | 'original';

/**
 * Adds photos to a report of a project; every file is checked before any is stored, and the bytes are removed
 * again when the rows cannot be written.
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN, PROJECT_NOT_FOUND, PROJECT_OTHER_DISTRICT, PROJECT_REPORT_NOT_FOUND,
 *   ATTACHMENT_MISSING, ATTACHMENT_TYPE_UNSUPPORTED, ATTACHMENT_TOO_LARGE
 */
export async function addReportPhotos(
  deps: ServiceDeps, storage: FileStorage, actor: Actor, request: { projectId: number; reportId: number; files: Buffer[] },
): Promise<ProjectReportPhotoRow[]> {
  const project = await projectFor(deps, actor, request.projectId, 'write');
  const report = await findProjectReport(deps.db, project.id, request.reportId);
  if (!report) throw new DomainError('PROJECT_REPORT_NOT_FOUND', { projectId: project.id, reportId: request.reportId });
  if (request.files.length === 0) throw new DomainError('ATTACHMENT_MISSING');
  if ((await countReportPhotos(deps.db, report.id)) + request.files.length > MAX_PHOTOS_PER_REPORT) {
    throw new DomainError('ATTACHMENT_TOO_LARGE', { maxPerReport: MAX_PHOTOS_PER_REPORT });
  }
  const photos: PreparedPhoto[] = [];
  for (const file of request.files) photos.push(await preparePhoto(file));
  return storePhotosThen(storage, `projects/${project.district_id}/${project.id}/${report.id}`, photos, async (keys) => {
    const now = deps.clock();
    return runWrite(deps, async (trx) => {
      await lockProject(trx, project.id);
      if ((await countReportPhotos(trx, report.id)) + photos.length > MAX_PHOTOS_PER_REPORT) {
        throw new DomainError('ATTACHMENT_TOO_LARGE', { maxPerReport: MAX_PHOTOS_PER_REPORT });
      }
      const rows: ProjectReportPhotoRow[] = [];
      for (const [i, photo] of photos.entries()) {
        rows.push(await insertReportPhoto(trx, {
          reportId: report.id, projectId: project.id, districtId: project.district_id, uploadedBy: actor.userId, uploaderRole: actor.role,
          mime: photo.mime, sizeBytes: photo.original.length, width: photo.width, height: photo.height, sha256: photo.sha256,
          originalKey: keys[i]!.original, publicKey: keys[i]!.public, thumbKey: keys[i]!.thumb, now,
        }));
      }
      await appendProjectEvent(trx, {
        projectId: project.id, districtId: project.district_id, at: now, actorUserId: actor.userId, actorRole: actor.role, action: 'report_photos',
        data: { month: report.month, reportId: report.id, photoIds: rows.map((row) => row.id) },
      });
      return rows;
    });
  });
}

/**
 * The photos of a project's reports (of one report when `reportId` is given) the actor may see.
 * @throws DomainError AUTH_REQUIRED, FORBIDDEN, PROJECT_NOT_FOUND, PROJECT_OTHER_DISTRICT, PROJECT_REPORT_NOT_FOUND
 */
export async function listReportPhotosFor(deps: ServiceDeps, actor: Actor, projectId: number, reportId?: number): Promise<ProjectReportPhotoRow[]> {
  const project = await projectFor(deps, actor, projectId);
  if (reportId !== undefined && !(await findProjectReport(deps.db, project.id, reportId))) {
    throw new DomainError('PROJECT_REPORT_NOT_FOUND', { projectId: project.id, reportId });
  }
  return listReportPhotos(deps.db, project.id, reportId);
}

/**
 * One stored file of a report photo, for whoever may see its project (project readers are all staff, so the
 * original with its EXIF is theirs too).
 * @throws DomainError NOT_FOUND, AUTH_REQUIRED, FORBIDDEN, PROJECT_OTHER_DISTRICT
 */
export async function readReportPhoto(
  deps: ServiceDeps, storage: FileStorage, actor: Actor, request: { photoId: number; variant: ReportPhotoVariant },
): Promise<{ mime: string; data: Buffer }> {
  if (actor.role === 'anonymous') throw new DomainError('AUTH_REQUIRED');
  const photo = await findReportPhoto(deps.db, request.photoId);
  if (!photo) throw new DomainError('NOT_FOUND');
  await projectFor(deps, actor, photo.project_id);
  const key = request.variant === 'original' ? photo.original_key : request.variant === 'public' ? photo.public_key : photo.thumb_key;
  const data = await storage.get(key);
  if (!data) throw new DomainError('NOT_FOUND', { reason: 'file missing' });
  return { mime: request.variant === 'thumb' ? 'image/jpeg' : photo.mime, data };
}
