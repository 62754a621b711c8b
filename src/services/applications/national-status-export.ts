/**
 * The month's 办件 status changes with their national 1–15 codes (工程建设项目审批 data sharing,
 * enterprise-policy.md §7.3), for the provincial platform: one row per event that carries a code, as
 * .xlsx or JSON. Read from the timeline, so a past month exports the same rows whenever it is asked for.
 */
import { loadExcel } from '../lazy-libraries.ts';
import { DomainError } from '../../domain/errors.ts';
import { NATIONAL_STATUS_NAMES } from '../../domain/applications/index.ts';
import { parsePeriod } from '../../domain/supervision/index.ts';
import { listNationalStatusEvents } from '../../db/repositories/applications/index.ts';
import type { ServiceDeps } from '../service-deps.ts';

export interface NationalStatusRow {
  number: string;
  serviceItemCode: string;
  serviceItemName: string;
  departmentCode: string;
  departmentName: string;
  action: string;
  nationalCode: number;
  nationalStatus: string;
  at: string;
}

/** The rows of one month of a district. @throws DomainError PERIOD_INVALID */
export async function listNationalStatuses(deps: ServiceDeps, districtId: number, month: string): Promise<NationalStatusRow[]> {
  const period = parsePeriod(month);
  if (period.kind !== 'month') throw new DomainError('PERIOD_INVALID', { period: month });
  const rows = await listNationalStatusEvents(deps.db, districtId, period.start, period.end);
  return rows.flatMap((row) => {
    const code = (row.data as { nationalCode?: unknown } | null)?.nationalCode;
    if (typeof code !== 'number') return [];
    return [{
      number: row.number, serviceItemCode: row.item_code, serviceItemName: row.item_name, departmentCode: row.department_code, departmentName: row.department_name,
      action: row.action, nationalCode: code, nationalStatus: NATIONAL_STATUS_NAMES[code] ?? String(code), at: new Date(row.at).toISOString(),
    }];
  });
}

/** The rows as an Excel sheet, times in Asia/Shanghai. */
export async function renderNationalStatusesXlsx(rows: NationalStatusRow[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'civicloop';
  const sheet = workbook.addWorksheet('办件状态');
  sheet.addRow(['办件编号', '事项编码', '事项名称', '实施部门编码', '实施部门', '办理状态代码', '办理状态', '状态时间']).font = { bold: true };
  for (const row of rows) {
    const local = new Date(Date.parse(row.at) + 8 * 3_600_000).toISOString();
    sheet.addRow([row.number, row.serviceItemCode, row.serviceItemName, row.departmentCode, row.departmentName, row.nationalCode, row.nationalStatus,
      `${local.slice(0, 10)} ${local.slice(11, 19)}`]);
  }
  [18, 12, 30, 12, 24, 12, 18, 20].forEach((width, index) => { sheet.getColumn(index + 1).width = width; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
