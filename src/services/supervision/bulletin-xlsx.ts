/** Renders the monthly bulletin as an Excel workbook (.xlsx): a 概况 sheet, then one sheet per table. */
import { loadExcel } from '../lazy-libraries.ts';
import type { BulletinDocument } from './bulletin-tables.ts';

/** Sheet names: the table title without its ordinal, within Excel's 31-character limit. */
export function sheetNameOf(title: string): string {
  return title.replace(/^[一二三四五六七八九十]+、/, '').replace(/[\\/?*[\]:]/g, '').slice(0, 31);
}

/**
 * Builds the .xlsx bytes.
 * @example await renderBulletinXlsx(bulletinDocument(data)) // Buffer starting with 'PK'
 */
export async function renderBulletinXlsx(doc: BulletinDocument): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'civicloop';
  const overview = workbook.addWorksheet('概况');
  overview.addRow([doc.title]).font = { bold: true, size: 14 };
  overview.addRow([doc.subtitle]);
  overview.addRow([doc.summary]);
  overview.getColumn(1).width = 100;
  for (const table of doc.tables) {
    const sheet = workbook.addWorksheet(sheetNameOf(table.title));
    sheet.addRow([table.title]).font = { bold: true };
    const header = sheet.addRow(table.headers);
    header.font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    table.headers.forEach((_, index) => { sheet.getColumn(index + 1).width = index === 1 ? 36 : 16; });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
