/**
 * Any case list as a file (issue 17): the same filter and order as the list, every matching row, as .xlsx
 * (exceljs) or CSV (UTF-8 with BOM, so Excel reads the Chinese). Never cut silently: past EXPORT_MAX_ROWS the
 * export is refused with EXPORT_TOO_LARGE and the user narrows the filter.
 */
import { loadExcel } from '../lazy-libraries.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/case/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { listCasesFor, type CaseListQuery, type CaseRowWithCalendar } from './case-queries.ts';

export const EXPORT_MAX_ROWS = 50_000;
const EXPORT_PAGE = 1000;

type Language = 'zh' | 'en';

const HEADERS: Record<Language, string[]> = {
  zh: ['工单号', '状态', '类型', '类别', '紧急程度', '来源', '问题描述', '地址', '街道', '网格', '处置部门', '上报时间', '截止时间'],
  en: ['Case number', 'State', 'Kind', 'Category', 'Priority', 'Source', 'Description', 'Address', 'Street', 'Grid', 'Department', 'Reported at', 'Deadline'],
};

const STATE: Record<string, [string, string]> = {
  reported: ['待受理', 'Reported'], filed: ['待派遣', 'Filed'], dispatched: ['待签收', 'Dispatched'], signed: ['处置中', 'In progress'],
  suspended: ['已挂起', 'Suspended'], resolved: ['待核查', 'To check'], closed: ['已结案', 'Closed'], declined: ['不予立案', 'Declined'], merged: ['已合并', 'Merged'],
};
const KIND: Record<string, [string, string]> = {
  event: ['事件', 'Event'], component: ['部件', 'Component'], citizen_request: ['市民诉求', 'Citizen request'],
  enterprise_demand: ['企业诉求', 'Enterprise demand'], service_application: ['办件', 'Application'],
};
const SOURCE: Record<string, [string, string]> = {
  patrol: ['巡查上报', 'Patrol'], hotline: ['12345热线', '12345 hotline'], open311: ['Open311', 'Open311'], web: ['网上反映', 'Web'],
  enterprise_portal: ['企业端', 'Enterprise portal'], video: ['视频发现', 'Video'], leader_assigned: ['领导交办', 'Leader assigned'], inspection: ['检查发现', 'Inspection'],
};
const PRIORITY: Record<string, [string, string]> = { urgent: ['紧急', 'Urgent'], normal: ['一般', 'Normal'] };

function label(table: Record<string, [string, string]>, code: string, language: Language): string {
  const pair = table[code];
  return pair ? pair[language === 'zh' ? 0 : 1] : code;
}

/** China Standard Time as 2026-11-18 09:30, how a district reads a time. */
function localTime(at: Date | null): string {
  return at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';
}

function runningDeadline(row: CaseRowWithCalendar): Date | null {
  if (row.state === 'reported' || row.state === 'filed') return row.dispatch_deadline;
  if (row.state === 'dispatched') return row.sign_deadline;
  if (row.state === 'signed' || row.state === 'suspended') return row.resolve_deadline;
  return null;
}

function cells(row: CaseRowWithCalendar, language: Language): string[] {
  const english = language === 'en';
  return [
    row.number, label(STATE, row.state, language), label(KIND, row.kind, language), english ? row.category_name_en : row.category_name,
    label(PRIORITY, row.priority, language), label(SOURCE, row.source, language), row.description, row.address ?? '', row.street_name ?? '',
    row.grid_code ?? '', (english ? row.department_name_en ?? row.department_name : row.department_name) ?? '', localTime(row.created_at), localTime(runningDeadline(row)),
  ];
}

/** Every row of the filter, in its order. @throws DomainError EXPORT_TOO_LARGE past EXPORT_MAX_ROWS */
async function allRows(deps: ServiceDeps, actor: Actor, query: Omit<CaseListQuery, 'page' | 'pageSize' | 'cursor'>): Promise<CaseRowWithCalendar[]> {
  const first = await listCasesFor(deps, actor, { ...query, page: 1, pageSize: EXPORT_PAGE });
  if (first.total > EXPORT_MAX_ROWS) throw new DomainError('EXPORT_TOO_LARGE', { max: EXPORT_MAX_ROWS, total: first.total });
  const rows = [...first.items];
  let cursor = first.nextCursor;
  for (let page = 2; rows.length < first.total && first.items.length === EXPORT_PAGE; page += 1) {
    // the default order continues by keyset; the others by page
    const next = await listCasesFor(deps, actor, { ...query, page, pageSize: EXPORT_PAGE, ...(cursor ? { cursor } : {}) });
    rows.push(...next.items);
    cursor = next.nextCursor;
    if (next.items.length < EXPORT_PAGE) break;
  }
  return rows;
}

function csvCell(value: string): string {
  // quoted always; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export interface CaseExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export async function exportCases(
  deps: ServiceDeps, actor: Actor, query: Omit<CaseListQuery, 'page' | 'pageSize' | 'cursor'>, format: 'xlsx' | 'csv', language: Language,
): Promise<CaseExportFile> {
  const rows = await allRows(deps, actor, query);
  const stamp = localTime(deps.clock()).slice(0, 10);
  const baseName = language === 'zh' ? `工单清单-${stamp}` : `cases-${stamp}`;
  if (format === 'csv') {
    const lines = [HEADERS[language], ...rows.map((row) => cells(row, language))].map((line) => line.map(csvCell).join(','));
    return { fileName: `${baseName}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'civicloop';
  const sheet = workbook.addWorksheet(language === 'zh' ? '工单' : 'Cases');
  sheet.addRow(HEADERS[language]).font = { bold: true };
  for (const row of rows) sheet.addRow(cells(row, language));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  HEADERS[language].forEach((_, index) => { sheet.getColumn(index + 1).width = index === 6 ? 48 : 16; });
  return {
    fileName: `${baseName}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
