/**
 * The first sheet of an uploaded .xlsx (base64) as a table of cell texts, for the importers of every area
 * (enterprises, service items, projects); each turns an unreadable file into its own error.
 */
import { loadExcel } from './lazy-libraries.ts';

/** @returns the rows (row 1 = index 0), every row as long as the sheet is wide; null when the file is not a workbook */
export async function readFirstSheet(base64: string): Promise<string[][] | null> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  const table: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    table[rowNumber - 1] = Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).text ?? '');
  });
  return Array.from({ length: table.length }, (_, index) => table[index] ?? []);
}
