/**
 * Rows of a 项目清单 import (.xlsx, first row the header): the columns of the export (so an exported list,
 * edited, imports again), in Chinese or English. Every row is checked here, so the caller gets all
 * problems at once and imports all or nothing; the computed columns of the export (stage, progress,
 * investment to date) are ignored, because a new project starts at the first stage with no reports.
 */
import { PLAN_LEVELS, PROJECT_TYPES, type PlanLevel, type ProjectType } from './project-model.ts';

export interface ProjectImportRow {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  name: string;
  type: ProjectType;
  totalInvestment: number;
  annualInvestment: number;
  /** The patron as written: a leader's display name or username, resolved by the caller. */
  patron: string | null;
  address: string | null;
  planLists: { year: number; level: PlanLevel }[];
}

export type ProjectImportProblemCode =
  | 'MISSING_COLUMN' | 'REQUIRED' | 'TYPE_UNKNOWN' | 'NOT_A_NUMBER' | 'NEGATIVE' | 'ANNUAL_ABOVE_TOTAL' | 'PLAN_LIST_MALFORMED'
  | 'DUPLICATE_IN_FILE' | 'NAME_TAKEN' | 'PATRON_UNKNOWN' | 'UNREADABLE' | 'EMPTY';

export interface ProjectImportProblem {
  row: number;
  field: string;
  code: ProjectImportProblemCode;
}

type Column = 'name' | 'type' | 'totalInvestment' | 'annualInvestment' | 'patron' | 'address' | 'planLists';

const COLUMNS: Record<Column, string[]> = {
  name: ['项目名称', 'name'],
  type: ['类型', '项目类型', 'type'],
  totalInvestment: ['总投资（万元）', '总投资(万元)', '总投资', 'totalinvestment'],
  annualInvestment: ['年度计划投资（万元）', '年度计划投资(万元)', '年度计划投资', 'annualinvestment'],
  patron: ['包保领导', 'patron'],
  address: ['建设地点', 'address'],
  planLists: ['计划年度', 'planlists'],
};
const REQUIRED_COLUMNS: Column[] = ['name', 'type', 'totalInvestment', 'annualInvestment'];

/** The type as the export writes it (its code) or as a district writes it (its Chinese name). */
const TYPE_NAMES: Record<string, ProjectType> = {
  ...Object.fromEntries(PROJECT_TYPES.map((type) => [type, type])),
  产业项目: 'industry', 产业: 'industry', 基础设施: 'infrastructure', 基础设施项目: 'infrastructure', 社会事业: 'public', 社会事业项目: 'public', 民生项目: 'public',
};
const LEVEL_NAMES: Record<string, PlanLevel> = {
  ...Object.fromEntries(PLAN_LEVELS.map((level) => [level, level])), 省: 'province', 省级: 'province', 市: 'city', 市级: 'city', 区: 'district', 区级: 'district',
};

function columnIndexes(header: string[]): Partial<Record<Column, number>> {
  const normalised = header.map((cell) => cell.trim().toLowerCase().replace(/\s+/g, ''));
  const found: Partial<Record<Column, number>> = {};
  for (const [column, names] of Object.entries(COLUMNS) as [Column, string[]][]) {
    const index = normalised.findIndex((cell) => names.includes(cell));
    if (index !== -1) found[column] = index;
  }
  return found;
}

/** '2026/city 2025/province' or '2026/市 2025/省'; null when malformed. */
function parsePlanLists(text: string): { year: number; level: PlanLevel }[] | null {
  const entries = text.split(/[\s,，;；]+/).filter(Boolean);
  const lists: { year: number; level: PlanLevel }[] = [];
  for (const entry of entries) {
    const match = /^(\d{4})[/／-](.+)$/.exec(entry);
    const level = match ? LEVEL_NAMES[match[2]!.toLowerCase()] : undefined;
    if (!match || !level) return null;
    lists.push({ year: Number(match[1]), level });
  }
  return lists;
}

/** An amount in 万元 (thousands separators allowed); null, with its problem noted, when it is not one. */
function amount(text: string, row: number, field: string, problems: ProjectImportProblem[]): number | null {
  const cleaned = text.replace(/[,，\s]/g, '');
  const value = Number(cleaned);
  const code = cleaned === '' ? 'REQUIRED' : !Number.isFinite(value) ? 'NOT_A_NUMBER' : value < 0 ? 'NEGATIVE' : null;
  if (code) problems.push({ row, field, code });
  return code ? null : value;
}

/**
 * @example
 * readProjectImportTable([['项目名称', '类型', '总投资（万元）', '年度计划投资（万元）'], ['示例项目', '产业项目', '5000', '1200']]).rows[0]?.type // 'industry'
 */
export function readProjectImportTable(table: string[][]): { rows: ProjectImportRow[]; problems: ProjectImportProblem[] } {
  const [header = [], ...lines] = table;
  const indexes = columnIndexes(header);
  const missing = REQUIRED_COLUMNS.filter((column) => indexes[column] === undefined);
  if (missing.length > 0) return { rows: [], problems: missing.map((field) => ({ row: 1, field, code: 'MISSING_COLUMN' as const })) };
  const rows: ProjectImportRow[] = [];
  const problems: ProjectImportProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((cells, index) => {
    const row = index + 2;
    const cell = (column: Column) => (indexes[column] === undefined ? '' : (cells[indexes[column]!] ?? '').trim());
    if (cells.every((value) => value.trim() === '')) return;
    const before = problems.length;
    const name = cell('name');
    if (!name) problems.push({ row, field: 'name', code: 'REQUIRED' });
    else if (seen.has(name)) problems.push({ row, field: 'name', code: 'DUPLICATE_IN_FILE' });
    seen.add(name);
    const type = TYPE_NAMES[cell('type').toLowerCase()];
    if (!type) problems.push({ row, field: 'type', code: cell('type') ? 'TYPE_UNKNOWN' : 'REQUIRED' });
    const totalInvestment = amount(cell('totalInvestment'), row, 'totalInvestment', problems);
    const annualInvestment = amount(cell('annualInvestment'), row, 'annualInvestment', problems);
    if (annualInvestment !== null && totalInvestment !== null && annualInvestment > totalInvestment) problems.push({ row, field: 'annualInvestment', code: 'ANNUAL_ABOVE_TOTAL' });
    const planLists = parsePlanLists(cell('planLists'));
    if (!planLists) problems.push({ row, field: 'planLists', code: 'PLAN_LIST_MALFORMED' });
    if (problems.length > before) return;
    rows.push({
      row, name, type: type!, totalInvestment: totalInvestment!, annualInvestment: annualInvestment!, patron: cell('patron') || null, address: cell('address') || null, planLists: planLists!,
    });
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ row: 2, field: 'file', code: 'EMPTY' });
  return { rows, problems };
}
