/**
 * Reading a district's 政务服务事项清单 (the table districts publish, one item per row) into service
 * items: the header names the columns, every problem of every row is reported at once.
 */
import { itemIssues, SERVICE_ITEM_KIND_ZH, type ServiceItem, type ServiceItemKind } from './service-item.ts';

/** The columns, as the 事项清单 heads them; English heads are accepted too. */
export const ITEM_COLUMNS = {
  code: ['事项编码', 'code'],
  name: ['事项名称', 'name'],
  departmentCode: ['实施部门编码', 'department'],
  kind: ['办件类型', 'kind'],
  legalLimitDays: ['法定时限', 'legal limit'],
  promisedLimitDays: ['承诺时限', 'promised limit'],
  materials: ['申请材料', 'materials'],
  feeYuan: ['收费标准', 'fee'],
  toleranceAllowed: ['容缺受理', 'tolerance'],
} as const;

export interface ItemRowProblem {
  /** 1-based row of the sheet (the header is row 1). */
  row: number;
  path: string;
  code: string;
  message: string;
}

const KIND_BY_NAME = new Map<string, ServiceItemKind>(
  (Object.entries(SERVICE_ITEM_KIND_ZH) as [ServiceItemKind, string][]).flatMap(([kind, zh]) => [[zh, kind], [kind, kind]]),
);

const YES = new Set(['是', 'y', 'yes', 'true', '1', '允许']);

function toDays(text: string): number {
  const match = /^\s*(\d+)\s*(个)?(工作日)?\s*$/.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Reads the sheet's rows (cell texts, header first) into items.
 * @example readItemTable([['事项编码', '事项名称', '实施部门编码', '办件类型', '法定时限', '承诺时限', '申请材料'], ['A1', '某许可', 'scjg', '承诺件', '20', '5', '申请书；营业执照']]).items[0].materials // ['申请书', '营业执照']
 */
export function readItemTable(table: readonly (readonly string[])[]): { items: (ServiceItem & { row: number })[]; problems: ItemRowProblem[] } {
  const header = (table[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const problems: ItemRowProblem[] = [];
  const columnOf = {} as Record<keyof typeof ITEM_COLUMNS, number>;
  for (const [key, names] of Object.entries(ITEM_COLUMNS) as [keyof typeof ITEM_COLUMNS, readonly string[]][]) {
    columnOf[key] = header.findIndex((cell) => names.some((name) => name.toLowerCase() === cell));
    const optional = key === 'feeYuan' || key === 'toleranceAllowed';
    if (columnOf[key] < 0 && !optional) problems.push({ row: 1, path: key, code: 'column_missing', message: `缺少“${names[0]}”列` });
  }
  if (problems.length > 0) return { items: [], problems };
  const items: (ServiceItem & { row: number })[] = [];
  const seen = new Set<string>();
  table.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const cell = (key: keyof typeof ITEM_COLUMNS) => (columnOf[key] >= 0 ? (cells[columnOf[key]] ?? '').trim() : '');
    if (cells.every((text) => text.trim() === '')) return;
    const kind = KIND_BY_NAME.get(cell('kind'));
    const item: ServiceItem = {
      code: cell('code'), name: cell('name'), departmentCode: cell('departmentCode'), kind: kind ?? ('' as ServiceItemKind),
      legalLimitDays: toDays(cell('legalLimitDays')), promisedLimitDays: toDays(cell('promisedLimitDays')),
      materials: cell('materials').split(/[；;\n、]/).map((material) => material.trim()).filter(Boolean),
      feeYuan: cell('feeYuan') === '' || cell('feeYuan') === '不收费' ? 0 : Number(cell('feeYuan').replace(/元$/, '')),
      toleranceAllowed: YES.has(cell('toleranceAllowed').toLowerCase()),
    };
    for (const issue of itemIssues(item)) problems.push({ row, ...issue });
    if (item.departmentCode === '') problems.push({ row, path: 'departmentCode', code: 'required', message: '实施部门编码不能为空' });
    if (seen.has(item.code)) problems.push({ row, path: 'code', code: 'duplicate', message: '事项编码在文件中重复' });
    seen.add(item.code);
    items.push({ ...item, row });
  });
  return { items, problems };
}
