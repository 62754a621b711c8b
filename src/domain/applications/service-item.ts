/**
 * 政务服务事项 (service item) as data: what an application asks for, who decides it, and its two
 * limits in working days. The rule the law and the districts' 事项清单 share: 承诺时限 ≤ 法定时限.
 */

/** 即办件 decided on the spot, 承诺件 within the promised limit, 上报件 by a higher authority, 联办件 by several departments. */
export const SERVICE_ITEM_KINDS = ['on_the_spot', 'promised', 'escalated', 'joint'] as const;
export type ServiceItemKind = (typeof SERVICE_ITEM_KINDS)[number];

/** Zh names as the 事项清单 spells them, for import and display. */
export const SERVICE_ITEM_KIND_ZH: Record<ServiceItemKind, string> = {
  on_the_spot: '即办件', promised: '承诺件', escalated: '上报件', joint: '联办件',
};

/** The longest limit an item may carry, in working days (行政许可法 第四十二条: 45 + 15 for joint handling, rounded up generously). */
export const MAX_ITEM_LIMIT_DAYS = 120;

export interface ServiceItem {
  /** The district's 事项编码, unique in the district. */
  code: string;
  name: string;
  departmentCode: string;
  kind: ServiceItemKind;
  /** 法定时限, working days; 0 only for 即办件. */
  legalLimitDays: number;
  /** 承诺时限, working days, never above the legal limit. */
  promisedLimitDays: number;
  /** The checklist the window ticks off. */
  materials: string[];
  /** In yuan; 0 for free items. */
  feeYuan: number;
  /** 容缺受理: accepted with a minor material missing, to be handed in later. */
  toleranceAllowed: boolean;
}

export interface ItemIssue {
  path: string;
  code: string;
  message: string;
}

const isWholeDays = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= MAX_ITEM_LIMIT_DAYS;

/**
 * Every rule an item breaks, at once (an empty list is a valid item).
 * @example itemIssues({ ...item, legalLimitDays: 20, promisedLimitDays: 25 }) // [{ path: 'promisedLimitDays', code: 'promised_above_legal', … }]
 */
export function itemIssues(item: ServiceItem): ItemIssue[] {
  const issues: ItemIssue[] = [];
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(item.code)) issues.push({ path: 'code', code: 'invalid', message: '事项编码应为 1–40 位字母、数字、-、_' });
  if (item.name.trim() === '' || item.name.length > 100) issues.push({ path: 'name', code: 'invalid', message: '事项名称应为 1–100 字' });
  if (!(SERVICE_ITEM_KINDS as readonly string[]).includes(item.kind)) issues.push({ path: 'kind', code: 'invalid', message: '办件类型应为 即办件/承诺件/上报件/联办件' });
  if (!isWholeDays(item.legalLimitDays)) issues.push({ path: 'legalLimitDays', code: 'invalid', message: `法定时限应为 0–${MAX_ITEM_LIMIT_DAYS} 个工作日` });
  if (!isWholeDays(item.promisedLimitDays)) issues.push({ path: 'promisedLimitDays', code: 'invalid', message: `承诺时限应为 0–${MAX_ITEM_LIMIT_DAYS} 个工作日` });
  if (isWholeDays(item.legalLimitDays) && isWholeDays(item.promisedLimitDays) && item.promisedLimitDays > item.legalLimitDays) {
    issues.push({ path: 'promisedLimitDays', code: 'promised_above_legal', message: '承诺时限不得超过法定时限' });
  }
  if (item.kind !== 'on_the_spot' && item.promisedLimitDays === 0) {
    issues.push({ path: 'promisedLimitDays', code: 'zero_for_promised', message: '只有即办件的承诺时限可为 0' });
  }
  if (item.materials.some((material) => material.trim() === '')) issues.push({ path: 'materials', code: 'invalid', message: '材料名称不能为空' });
  if (!Number.isFinite(item.feeYuan) || item.feeYuan < 0) issues.push({ path: 'feeYuan', code: 'invalid', message: '收费应为不小于 0 的金额' });
  return issues;
}

/**
 * The materials of the item's checklist that were not handed in (the one 补正 notice lists them all).
 * @example missingMaterials({ ...item, materials: ['申请书', '身份证'] }, ['申请书']) // ['身份证']
 */
export function missingMaterials(item: Pick<ServiceItem, 'materials'>, received: readonly string[]): string[] {
  return item.materials.filter((material) => !received.includes(material));
}
