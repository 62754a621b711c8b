/**
 * Imports enterprises from .csv or .xlsx: every row is checked (format, USCC, industry, district,
 * duplicates in the file and in the registry) and the file is imported all or nothing.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { canManageEnterprise, parseCsv, readImportTable, type ImportProblem } from '../../domain/enterprises/index.ts';
import { findEnterpriseByUscc, insertEnterprise } from '../../db/repositories/enterprises/index.ts';
import { listDistricts } from '../../db/repositories/org/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { readFirstSheet } from '../spreadsheet-table.ts';

export interface ImportFile {
  format: 'csv' | 'xlsx';
  /** CSV text, or the .xlsx file in base64. */
  content: string;
}

async function readXlsx(base64: string): Promise<string[][]> {
  const table = await readFirstSheet(base64);
  if (!table) throw new DomainError('ENTERPRISE_IMPORT_INVALID', { problems: [{ row: 0, field: 'file', code: 'UNREADABLE' }] });
  return table;
}

/**
 * @returns how many enterprises were created
 * @throws DomainError ENTERPRISE_IMPORT_INVALID with details.problems [{ row, field, code }]; FORBIDDEN
 */
export async function importEnterprises(deps: ServiceDeps, actor: Actor, file: ImportFile): Promise<{ created: number }> {
  const table = file.format === 'csv' ? parseCsv(file.content) : await readXlsx(file.content);
  const { rows, problems } = readImportTable(table);
  const districts = new Map((await listDistricts(deps.db)).map((district) => [district.code, district.id]));
  const more: ImportProblem[] = [];
  for (const row of rows) {
    const districtId = districts.get(row.districtCode);
    if (districtId === undefined && /^\d{6}$/.test(row.districtCode)) more.push({ row: row.row, field: 'districtCode', code: 'DISTRICT_UNKNOWN' });
    else if (districtId !== undefined && !canManageEnterprise(actor, { districtId })) throw new DomainError('FORBIDDEN', { row: row.row });
    if (await findEnterpriseByUscc(deps.db, row.uscc)) more.push({ row: row.row, field: 'uscc', code: 'USCC_REGISTERED' });
  }
  const all = [...problems, ...more].sort((a, b) => a.row - b.row);
  if (all.length > 0 || rows.length === 0) throw new DomainError('ENTERPRISE_IMPORT_INVALID', { problems: all });
  const now = deps.clock();
  await runWrite(deps, async (trx) => {
    for (const row of rows) {
      await insertEnterprise(trx, {
        district_id: districts.get(row.districtCode)!, name: row.name, uscc: row.uscc, industry_code: row.industryCode, address: row.address,
        created_at: now, updated_at: now,
      });
    }
  });
  return { created: rows.length };
}
