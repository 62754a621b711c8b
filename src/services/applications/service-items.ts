/**
 * The district's service items (事项): listing, importing the published 事项清单 (.xlsx, all or
 * nothing, every problem by row) and seeding the demo list.
 */
import type { Kysely } from 'kysely';
import { mayEver, permits } from '../../domain/access/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import { readItemTable, type ItemRowProblem, type ServiceItem } from '../../domain/applications/index.ts';
import { listServiceItems, upsertServiceItems, type ServiceItemWithDepartment } from '../../db/repositories/applications/index.ts';
import { findDistrictByCode, listDepartments, listDistricts } from '../../db/repositories/org/index.ts';
import type { Database } from '../../db/schema.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { runWrite } from '../write-transaction.ts';
import { readFirstSheet } from '../spreadsheet-table.ts';

/** The actor's district, or the one named (anyone may read a district's items: the list is public). */
async function districtIdFor(deps: ServiceDeps, actor: Actor, districtCode: string | undefined): Promise<number> {
  if (districtCode) {
    const district = await findDistrictByCode(deps.db, districtCode);
    if (!district) throw new DomainError('DISTRICT_UNKNOWN', { districtCode });
    return district.id;
  }
  if (actor.districtId === null) throw new DomainError('VALIDATION_FAILED', [{ path: 'districtCode', code: 'required' }]);
  return actor.districtId;
}

export async function listItemsOf(deps: ServiceDeps, actor: Actor, districtCode?: string): Promise<ServiceItemWithDepartment[]> {
  return listServiceItems(deps.db, await districtIdFor(deps, actor, districtCode));
}

async function readXlsx(base64: string): Promise<string[][]> {
  const table = await readFirstSheet(base64);
  if (!table) throw new DomainError('SERVICE_ITEM_IMPORT_INVALID', { problems: [{ row: 0, path: 'file', code: 'unreadable', message: '文件不是有效的 .xlsx' }] });
  return table;
}

/**
 * Imports the district's 事项清单 from an .xlsx (base64): all rows or none.
 * @throws DomainError FORBIDDEN; SERVICE_ITEM_IMPORT_INVALID with details.problems [{ row, path, code, message }]
 */
export async function importItems(deps: ServiceDeps, actor: Actor, input: { content: string; districtCode?: string | undefined }): Promise<{ imported: number }> {
  if (!mayEver(actor.role, 'service_item.import')) throw new DomainError(actor.role === 'anonymous' ? 'AUTH_REQUIRED' : 'FORBIDDEN');
  const districtId = await districtIdFor(deps, actor, input.districtCode);
  if (!permits(actor, 'service_item.import', { districtId })) throw new DomainError('FORBIDDEN');
  const { items, problems } = readItemTable(await readXlsx(input.content));
  const departments = new Map((await listDepartments(deps.db, districtId)).map((department) => [department.code, department.id]));
  const more: ItemRowProblem[] = items
    .filter((item) => item.departmentCode !== '' && !departments.has(item.departmentCode))
    .map((item) => ({ row: item.row, path: 'departmentCode', code: 'unknown', message: `本区没有编码为 ${item.departmentCode} 的部门` }));
  const all = [...problems, ...more].sort((a, b) => a.row - b.row);
  if (all.length > 0 || items.length === 0) throw new DomainError('SERVICE_ITEM_IMPORT_INVALID', { problems: all });
  const now = deps.clock();
  const imported = await runWrite(deps, (trx) => upsertServiceItems(trx, districtId, items.map((item) => ({ ...item, departmentId: departments.get(item.departmentCode)! })), now));
  return { imported };
}

/**
 * Seeds the demo list into every district that has no items yet.
 * @returns how many items were created
 */
export async function seedServiceItems(db: Kysely<Database>, items: readonly ServiceItem[], now: Date): Promise<number> {
  let created = 0;
  for (const district of await listDistricts(db)) {
    if ((await listServiceItems(db, district.id)).length > 0) continue;
    const departments = new Map((await listDepartments(db, district.id)).map((department) => [department.code, department.id]));
    const known = items.filter((item) => departments.has(item.departmentCode));
    created += await db.transaction().execute((trx) =>
      upsertServiceItems(trx, district.id, known.map((item) => ({ ...item, departmentId: departments.get(item.departmentCode)! })), now));
  }
  return created;
}
