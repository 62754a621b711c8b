/** The 受理通知书 / 补正通知书 / 不予受理决定书 of an application as a Word document (.docx), for the staff who may see it. */
import { loadDocx } from '../lazy-libraries.ts';
import type { Actor } from '../../domain/case/index.ts';
import { voucherText, type VoucherKind } from '../../domain/applications/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { listCaseEvents } from '../../db/repositories/case/index.ts';
import { getApplicationForStaff } from './application-queries.ts';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };

/**
 * @returns the .docx bytes and a file name
 * @throws DomainError NOT_FOUND, FORBIDDEN, APPLICATION_VOUCHER_UNAVAILABLE
 */
export async function renderVoucher(deps: ServiceDeps, actor: Actor, caseId: number, kind: VoucherKind): Promise<{ fileName: string; content: Buffer }> {
  const { application, item } = await getApplicationForStaff(deps, actor, caseId);
  // The refusal's date and reason live on its timeline event (the application row keeps only the status).
  const refusal = application.status === 'refused' ? (await listCaseEvents(deps.db, caseId)).find((event) => event.action === 'refuse') : undefined;
  const text = voucherText(kind, {
    number: application.number, applicantName: application.applicant_name, itemName: item.name, departmentName: item.department_name,
    receivedAt: application.received_at, acceptedAt: application.accepted_at, promisedDeadline: application.promised_deadline,
    legalDeadline: application.legal_deadline, supplementRequestedAt: application.supplement_requested_at, supplementMissing: application.supplement_missing,
    refusedAt: refusal ? new Date(refusal.at) : null, refusalReason: refusal?.note ?? null,
  });
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await loadDocx();
  const line = (value: string, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ ...(alignment ? { alignment } : {}), children: [new TextRun({ text: value, font: FONT, size: 24 })] });
  const document = new Document({
    creator: 'civicloop',
    title: text.title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: text.title, font: FONT })] }),
        ...text.paragraphs.map((paragraph) => line(paragraph)),
        line(`${item.department_name}（印章）`, AlignmentType.RIGHT),
        line(text.dated, AlignmentType.RIGHT),
      ],
    }],
  });
  return { fileName: `${text.title}-${application.number}.docx`, content: await Packer.toBuffer(document) };
}
