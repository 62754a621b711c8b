/** Renders the monthly bulletin as a Word document (.docx) with the docx library. */
import {
  AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { BulletinDocument, BulletinTable } from './bulletin-tables.ts';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: header, font: FONT, size: 21 })] })],
  });
}

function table(source: BulletinTable): (Paragraph | Table)[] {
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: source.title, font: FONT })] });
  if (source.rows.length === 0) return [heading, new Paragraph({ children: [new TextRun({ text: source.emptyText ?? '本月无。', font: FONT })] })];
  return [
    heading,
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: source.headers.map((text) => cell(text, true)) }),
        ...source.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) })),
      ],
    }),
  ];
}

/**
 * Builds the .docx bytes.
 * @example await renderBulletinDocx(bulletinDocument(data)) // Buffer starting with 'PK'
 */
export async function renderBulletinDocx(doc: BulletinDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'civicloop',
    title: doc.title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, font: FONT })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.subtitle, font: FONT, size: 21 })] }),
        new Paragraph({ children: [new TextRun({ text: doc.summary, font: FONT })] }),
        ...doc.tables.flatMap(table),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
