/**
 * The written vouchers of article 32 (每一份受理或补正都要有加盖印章、注明日期的书面凭证): the text of a
 * 受理通知书, a 补正通知书 and a 不予受理决定书 for an application, dated in Asia/Shanghai. Rendering is the service's.
 */
import { DomainError } from '../errors.ts';
import { toShanghaiDate } from '../calendar/index.ts';

export const VOUCHER_KINDS = ['acceptance', 'supplement', 'refusal'] as const;
export type VoucherKind = (typeof VOUCHER_KINDS)[number];

export interface VoucherFacts {
  number: string;
  applicantName: string;
  itemName: string;
  departmentName: string;
  receivedAt: Date;
  acceptedAt: Date | null;
  promisedDeadline: Date;
  legalDeadline: Date;
  supplementRequestedAt: Date | null;
  supplementMissing: string[] | null;
  /** The 不予受理 decision: when and why (the `refuse` event). */
  refusedAt: Date | null;
  refusalReason: string | null;
}

export interface VoucherText {
  title: string;
  paragraphs: string[];
  /** The date the voucher is issued on ('YYYY年M月D日'). */
  dated: string;
}

function zhDate(at: Date): string {
  const [year, month, day] = toShanghaiDate(at).split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
}

/**
 * The text of one voucher.
 * @throws DomainError APPLICATION_VOUCHER_UNAVAILABLE when the application has not reached it (no acceptance, no 补正, not refused)
 * @example voucherText('supplement', facts).title // '补正材料通知书'
 */
export function voucherText(kind: VoucherKind, facts: VoucherFacts): VoucherText {
  const head = `${facts.applicantName}：`;
  if (kind === 'acceptance') {
    if (!facts.acceptedAt) throw new DomainError('APPLICATION_VOUCHER_UNAVAILABLE', { kind });
    return {
      title: '受理通知书',
      dated: zhDate(facts.acceptedAt),
      paragraphs: [
        `办件编号：${facts.number}`,
        head,
        `你（单位）于${zhDate(facts.receivedAt)}提出的“${facts.itemName}”申请，经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，决定予以受理。`,
        `承诺办结日期：${zhDate(facts.promisedDeadline)}；法定办结期限：${zhDate(facts.legalDeadline)}（按工作日计算，补正、听证、检验检测、专家评审等特别程序时间不计算在内）。`,
        `承办部门：${facts.departmentName}。可凭办件编号和申请时登记的手机号码查询办理进度。`,
      ],
    };
  }
  if (kind === 'refusal') {
    if (!facts.refusedAt) throw new DomainError('APPLICATION_VOUCHER_UNAVAILABLE', { kind });
    return {
      title: '不予受理决定书',
      dated: zhDate(facts.refusedAt),
      paragraphs: [
        `办件编号：${facts.number}`,
        head,
        `你（单位）于${zhDate(facts.receivedAt)}提出的“${facts.itemName}”申请，经审查，决定不予受理。理由：${facts.refusalReason ?? ''}。`,
        '根据《中华人民共和国行政许可法》第三十二条的规定，特此告知。申请事项依法不属于本行政机关职权范围的，请向有关行政机关申请。',
        '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
      ],
    };
  }
  if (!facts.supplementRequestedAt) throw new DomainError('APPLICATION_VOUCHER_UNAVAILABLE', { kind });
  return {
    title: '补正材料通知书',
    dated: zhDate(facts.supplementRequestedAt),
    paragraphs: [
      `办件编号：${facts.number}`,
      head,
      `你（单位）于${zhDate(facts.receivedAt)}提出的“${facts.itemName}”申请，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次告知你（单位）需要补正的全部内容：`,
      ...(facts.supplementMissing ?? []).map((material, index) => `${index + 1}. ${material}`),
      '请补正后提交。补正材料齐全之日起计算办理时限。',
      `承办部门：${facts.departmentName}。`,
    ],
  };
}
