/** CSV export of a filter: every matching case (paged through the API), one row each, UTF-8 with BOM for Excel. */
import type { TFunction } from 'i18next';
import { apiGet } from '../../api/client.ts';
import type { CaseListResponse, CaseView } from '../../api/types.ts';
import { categoryLabel, departmentLabel, formatTime } from './case-format.ts';

const MAX_ROWS = 10_000;

/** Fetches all pages of the filter (up to 10,000 rows). */
export async function fetchAllCases(query: Record<string, string | undefined>): Promise<CaseView[]> {
  const rows: CaseView[] = [];
  for (let page = 1; rows.length < MAX_ROWS; page += 1) {
    const body = await apiGet<CaseListResponse>('/api/v1/cases', { ...query, page, pageSize: 200 });
    rows.push(...body.items);
    if (body.items.length < 200 || rows.length >= body.total) break;
  }
  return rows;
}

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote always; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The CSV text, with headers in the UI's language. */
export function casesToCsv(items: CaseView[], t: TFunction, english: boolean): string {
  const header = ['number', 'state', 'kind', 'category', 'description', 'street', 'grid', 'department', 'createdAt', 'deadline'].map((key) =>
    cell(t(`field.${key}`)),
  );
  const lines = items.map((item) =>
    [
      item.number, t(`state.${item.state}`), t(`kind.${item.kind}`), categoryLabel(item, english), item.description, item.streetName,
      item.gridCode, departmentLabel(item, english), formatTime(item.createdAt, english), formatTime(item.deadlines.resolve, english),
    ].map(cell).join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Offers the text as a file download. */
export function downloadText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
