/** Renders the monthly bulletin as a Word document (.docx) with the docx library. */
import type { Paragraph, Table, TableCell } from 'docx';
import { loadDocx } from '../lazy-libraries.ts';
import type { BulletinDocument, BulletinTable } from './bulletin-tables.ts';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };

type Docx = Awaited<ReturnType<typeof loadDocx>>;

function cell({ AlignmentType, Paragraph, TableCell, TextRun }: Docx, text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: header, font: FONT, size: 21 })] })],
  });
}

function table(docx: Docx, source: BulletinTable): (Paragraph | Table)[] {
  const { HeadingLevel, Paragraph, Table, TableRow, TextRun, WidthType } = docx;
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: source.title, font: FONT })] });
  if (source.rows.length === 0) return [heading, new Paragraph({ children: [new TextRun({ text: source.emptyText ?? '本月无。', font: FONT })] })];
  return [
    heading,
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: source.headers.map((text) => cell(docx, text, true)) }),
        ...source.rows.map((row) => new TableRow({ children: row.map((text) => cell(docx, text, false)) })),
      ],
    }),
  ];
}

/**
 * Builds the .docx bytes.
 * @example await renderBulletinDocx(bulletinDocument(data)) // Buffer starting with 'PK'
 */
export async function renderBulletinDocx(doc: BulletinDocument): Promise<Buffer> {
  const docx = await loadDocx();
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = docx;
  const document = new Document({
    creator: 'civicloop',
    title: doc.title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, font: FONT })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.subtitle, font: FONT, size: 21 })] }),
        new Paragraph({ children: [new TextRun({ text: doc.summary, font: FONT })] }),
        ...doc.tables.flatMap((source) => table(docx, source)),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
