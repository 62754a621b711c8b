import { describe, expect, it } from 'vitest';
import type { Actor } from '../case/index.ts';
import {
  allowedApplicationActions, findApplicationRule, itemIssues, missingMaterials, nationalCodeOfStatus, CASE_STATE_OF, APPLICATION_STATUSES,
  voucherText, type ApplicationGuardContext, type ServiceItem,
} from './index.ts';

const clerk: Actor = { userId: 1, role: 'operator', districtId: 1, streetId: null, departmentId: null, gridId: null };
const backOffice: Actor = { userId: 2, role: 'handler', districtId: 1, streetId: null, departmentId: 7, gridId: null };
const otherDepartment: Actor = { ...backOffice, userId: 3, departmentId: 8 };
const complete: ApplicationGuardContext = { itemKind: 'promised', missingMaterials: [], toleranceAllowed: false, supplementRequested: false };

describe('the application transition table', () => {
  it('offers the window clerk intake actions on a received application', () => {
    expect(allowedApplicationActions({ districtId: 1, departmentId: 7, status: 'received' }, clerk, complete))
      .toEqual(['accept', 'refuse', 'request_supplement', 'withdraw']);
  });

  it('lets the item’s department, not another, conclude', () => {
    const subject = { districtId: 1, departmentId: 7, status: 'processing' as const };
    expect(findApplicationRule(subject, backOffice, 'conclude', complete).rule?.to).toBe('concluded');
    expect(findApplicationRule(subject, otherDepartment, 'conclude', complete)).toEqual({ mismatch: 'scope' });
  });

  it('refuses 办结 while paused, a second 补正, and acceptance with materials missing', () => {
    expect(findApplicationRule({ districtId: 1, departmentId: 7, status: 'special_procedure' }, backOffice, 'conclude', complete))
      .toMatchObject({ mismatch: 'guard', failedGuard: 'notPaused' });
    expect(findApplicationRule({ districtId: 1, departmentId: 7, status: 'supplementing' }, clerk, 'conclude', complete))
      .toMatchObject({ mismatch: 'guard', failedGuard: 'notPaused' });
    expect(findApplicationRule({ districtId: 1, departmentId: 7, status: 'accepted' }, clerk, 'request_supplement', { ...complete, supplementRequested: true }))
      .toMatchObject({ mismatch: 'guard', failedGuard: 'noEarlierSupplement' });
    expect(findApplicationRule({ districtId: 1, departmentId: 7, status: 'received' }, clerk, 'accept', { ...complete, missingMaterials: ['身份证'] }))
      .toMatchObject({ mismatch: 'guard', failedGuard: 'materialsComplete' });
  });

  it('lets the window conclude only 即办件', () => {
    const subject = { districtId: 1, departmentId: 7, status: 'received' as const };
    expect(findApplicationRule(subject, clerk, 'conclude', complete)).toMatchObject({ mismatch: 'guard', failedGuard: 'onTheSpotItem' });
    expect(findApplicationRule(subject, clerk, 'conclude', { ...complete, itemKind: 'on_the_spot' }).rule?.to).toBe('concluded');
  });

  it('lets the department’s 首席事务代表 approve any of its items at the window, in one step from 接件', () => {
    const subject = { districtId: 1, departmentId: 7, status: 'received' as const };
    expect(findApplicationRule(subject, backOffice, 'conclude', complete).rule).toMatchObject({ from: ['received'], to: 'concluded' });
    expect(findApplicationRule(subject, otherDepartment, 'conclude', complete)).toEqual({ mismatch: 'scope' });
    expect(findApplicationRule(subject, backOffice, 'conclude', { ...complete, missingMaterials: ['身份证'] }))
      .toMatchObject({ mismatch: 'guard', failedGuard: 'materialsComplete' });
  });

  it('maps every status to a case state and a national code', () => {
    for (const status of APPLICATION_STATUSES) {
      expect(CASE_STATE_OF[status]).toBeTruthy();
      expect(nationalCodeOfStatus(status, null)).toBeGreaterThanOrEqual(1);
    }
    expect(nationalCodeOfStatus('concluded', 'approved_with_tolerance')).toBe(12);
    expect(nationalCodeOfStatus('withdrawn_before_acceptance', null)).toBe(2);
  });
});

describe('service item rules', () => {
  const item: ServiceItem = {
    code: 'SC-001', name: '食品经营许可', departmentCode: 'scjg', kind: 'promised', legalLimitDays: 20, promisedLimitDays: 5,
    materials: ['申请书', '营业执照'], feeYuan: 0, toleranceAllowed: true,
  };

  it('accepts a plausible item and refuses a promised limit above the legal one', () => {
    expect(itemIssues(item)).toEqual([]);
    expect(itemIssues({ ...item, promisedLimitDays: 25 }).map((issue) => issue.code)).toEqual(['promised_above_legal']);
  });

  it('reports every problem at once', () => {
    expect(itemIssues({ ...item, code: '', legalLimitDays: -1, feeYuan: -3 }).map((issue) => issue.path)).toEqual(['code', 'legalLimitDays', 'feeYuan']);
  });

  it('lists the checklist items not handed in', () => {
    expect(missingMaterials(item, ['营业执照'])).toEqual(['申请书']);
  });
});

describe('vouchers', () => {
  const facts = {
    number: 'LY-2026-000001', applicantName: '某公司', itemName: '食品经营许可', departmentName: '市场监督管理局',
    receivedAt: new Date('2026-09-30T16:00:00Z'), acceptedAt: null, promisedDeadline: new Date('2026-10-13T09:30:00Z'),
    legalDeadline: new Date('2026-10-19T09:30:00Z'), supplementRequestedAt: new Date('2026-10-08T01:00:00Z'), supplementMissing: ['营业执照', '平面图'],
    refusedAt: null, refusalReason: null,
  };

  it('dates a 补正 notice in Shanghai and lists every missing item', () => {
    const text = voucherText('supplement', facts);
    expect(text.dated).toBe('2026年10月8日');
    expect(text.paragraphs).toContain('1. 营业执照');
    expect(text.paragraphs).toContain('2. 平面图');
    expect(text.paragraphs[2]).toContain('2026年10月1日'); // 16:00Z on 09-30 is past midnight in Shanghai
  });

  it('issues no 受理通知书 before acceptance, and no 不予受理决定书 unless refused', () => {
    expect(() => voucherText('acceptance', facts)).toThrow('APPLICATION_VOUCHER_UNAVAILABLE');
    expect(() => voucherText('refusal', facts)).toThrow('APPLICATION_VOUCHER_UNAVAILABLE');
  });

  it('states the refusal’s reason and the remedies, dated the day of the decision', () => {
    const text = voucherText('refusal', { ...facts, refusedAt: new Date('2026-10-09T02:00:00Z'), refusalReason: '不属于本机关职权范围' });
    expect(text.title).toBe('不予受理决定书');
    expect(text.dated).toBe('2026年10月9日');
    expect(text.paragraphs[2]).toContain('理由：不属于本机关职权范围');
    expect(text.paragraphs.join('')).toContain('行政复议');
  });
});
