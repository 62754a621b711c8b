/** The monthly bulletin as a file: gather, lay out, render. Shared by the API and the CLI. */
import { buildBulletin } from './bulletin-service.ts';
import { bulletinDocument, type BulletinDocument } from './bulletin-tables.ts';
import { renderBulletinDocx } from './bulletin-docx.ts';
import { renderBulletinXlsx } from './bulletin-xlsx.ts';
import type { DistrictRef } from './indicator-service.ts';
import type { ServiceDeps } from '../service-deps.ts';

export type BulletinFormat = 'docx' | 'xlsx' | 'json';

export const BULLETIN_CONTENT_TYPES: Record<BulletinFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Builds one month's bulletin in one format; `json` gives the laid-out tables. */
export async function exportBulletin(
  deps: ServiceDeps,
  district: DistrictRef,
  month: string,
  format: BulletinFormat,
): Promise<{ document: BulletinDocument; body: Buffer | BulletinDocument; fileName: string }> {
  const document = bulletinDocument(await buildBulletin(deps, district, month));
  const fileName = `${document.title}.${format}`;
  if (format === 'docx') return { document, body: await renderBulletinDocx(document), fileName };
  if (format === 'xlsx') return { document, body: await renderBulletinXlsx(document), fileName };
  return { document, body: document, fileName };
}
