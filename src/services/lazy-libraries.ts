/**
 * Libraries that only some requests need, loaded on first use: exceljs (exports and imports), sharp (photo
 * uploads) and docx (the bulletin and vouchers) together add ≈38 MB to the server's RSS when imported at start
 * (docs/performance.md, 2026-12-03), and issue 10 caps the server at 300 MB. Each loads once per process.
 */
import type ExcelJSModule from 'exceljs';
import type SharpModule from 'sharp';

type Docx = typeof import('docx');

let excel: Promise<typeof ExcelJSModule> | undefined;
let sharp: Promise<typeof SharpModule> | undefined;
let docx: Promise<Docx> | undefined;

/** exceljs's default export (`new (await loadExcel()).Workbook()`). */
export function loadExcel(): Promise<typeof ExcelJSModule> {
  excel ??= import('exceljs').then((module) => module.default);
  return excel;
}

/** sharp's default export, the image pipeline. */
export function loadSharp(): Promise<typeof SharpModule> {
  sharp ??= import('sharp').then((module) => module.default);
  return sharp;
}

/** The docx module's named exports. */
export function loadDocx(): Promise<Docx> {
  docx ??= import('docx');
  return docx;
}
