/**
 * Rows of an enterprise import file (.csv or .xlsx, first row the header, Chinese or English column
 * names) checked one by one, so the caller gets every row's problems at once and imports all or nothing.
 */
import { isKnownIndustryCode } from './industry-codes.ts';
import { checkUscc } from './uscc.ts';

export interface ImportRow {
  row: number;
  name: string;
  uscc: string;
  industryCode: string;
  districtCode: string;
  address: string | null;
}

export interface ImportProblem {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  field: string;
  code: 'REQUIRED' | 'USCC_INVALID' | 'INDUSTRY_CODE_UNKNOWN' | 'DISTRICT_CODE_MALFORMED' | 'DISTRICT_UNKNOWN' | 'DUPLICATE_IN_FILE' | 'USCC_REGISTERED' | 'MISSING_COLUMN' | 'UNREADABLE';
}

const COLUMNS: Record<keyof Omit<ImportRow, 'row'>, string[]> = {
  name: ['企业名称', 'name'],
  uscc: ['统一社会信用代码', 'uscc'],
  industryCode: ['行业代码', 'industrycode', 'industry_code'],
  districtCode: ['区划代码', 'districtcode', 'district_code'],
  address: ['地址', 'address'],
};

function columnIndexes(header: string[]): Partial<Record<keyof typeof COLUMNS, number>> {
  const normalised = header.map((cell) => cell.trim().toLowerCase());
  return Object.fromEntries(Object.entries(COLUMNS).map(([key, names]) => [key, normalised.findIndex((cell) => names.includes(cell))]).filter(([, index]) => index !== -1));
}

function rowProblems(row: ImportRow): ImportProblem[] {
  const problems: ImportProblem[] = [];
  if (!row.name) problems.push({ row: row.row, field: 'name', code: 'REQUIRED' });
  if (!checkUscc(row.uscc).valid) problems.push({ row: row.row, field: 'uscc', code: 'USCC_INVALID' });
  if (!isKnownIndustryCode(row.industryCode)) problems.push({ row: row.row, field: 'industryCode', code: 'INDUSTRY_CODE_UNKNOWN' });
  if (!/^\d{6}$/.test(row.districtCode)) problems.push({ row: row.row, field: 'districtCode', code: 'DISTRICT_CODE_MALFORMED' });
  return problems;
}

/** Reads a table (header first) into rows and the problems of each. */
export function readImportTable(table: string[][]): { rows: ImportRow[]; problems: ImportProblem[] } {
  const [header = [], ...body] = table;
  const indexes = columnIndexes(header);
  const missing = (['name', 'uscc', 'industryCode', 'districtCode'] as const).filter((key) => indexes[key] === undefined);
  if (missing.length > 0) return { rows: [], problems: missing.map((field) => ({ row: 1, field, code: 'MISSING_COLUMN' })) };
  const cell = (line: string[], key: keyof typeof COLUMNS) => (indexes[key] === undefined ? '' : (line[indexes[key]] ?? '').trim());
  const rows = body
    .map((line, index) => ({ line, row: index + 2 }))
    .filter(({ line }) => line.some((value) => value.trim() !== ''))
    .map(({ line, row }): ImportRow => ({
      row, name: cell(line, 'name'), uscc: checkUscc(cell(line, 'uscc')).normalised, industryCode: cell(line, 'industryCode'),
      districtCode: cell(line, 'districtCode'), address: cell(line, 'address') || null,
    }));
  const seen = new Map<string, number>();
  const duplicates = rows.flatMap((row) => {
    const first = seen.get(row.uscc);
    seen.set(row.uscc, first ?? row.row);
    return first === undefined ? [] : [{ row: row.row, field: 'uscc', code: 'DUPLICATE_IN_FILE' as const }];
  });
  return { rows, problems: [...rows.flatMap(rowProblems), ...duplicates].sort((a, b) => a.row - b.row) };
}

/** Splits CSV text (RFC 4180 quotes, comma separated, a UTF-8 BOM ignored) into cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') { cell += '"'; i++; } else if (char === '"') quoted = false; else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(cell); cell = ''; } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}
