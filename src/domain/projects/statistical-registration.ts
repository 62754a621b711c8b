/**
 * 入库纳统 (statistical registration): a project may be registered when its planned total investment is at
 * least 500万元 and its construction has started (reference/domain.md §4). The evidence a statistics
 * office asks for is listed so the officer can gather it.
 */
import { KEY_NODES } from './lifecycle.ts';
import { nodeDoneBy } from './node-rules.ts';
import type { ProjectNodeState, Ymd } from './project-model.ts';

export const REGISTRATION_MIN_INVESTMENT_WAN = 500;

export const REGISTRATION_EVIDENCE = [
  { code: 'approval_document', name: '立项/核准/备案文件', nameEn: 'Approval, authorisation or filing document' },
  { code: 'construction_contract', name: '施工合同', nameEn: 'Construction contract' },
  { code: 'site_photos', name: '现场照片（带日期）', nameEn: 'Dated site photos' },
  { code: 'business_licence', name: '营业执照', nameEn: 'Business licence' },
] as const;

export interface RegistrationEligibility {
  eligible: boolean;
  /** Unmet conditions: 'investment_below_threshold', 'construction_not_started'. */
  unmet: string[];
  evidence: typeof REGISTRATION_EVIDENCE;
}

/**
 * @example registrationEligibility(9500, nodesWithStart, '2026-05-31') // { eligible: true, unmet: [], … }
 */
export function registrationEligibility(totalPlanned: number, nodes: readonly ProjectNodeState[], asOf: Ymd): RegistrationEligibility {
  const unmet: string[] = [];
  if (totalPlanned < REGISTRATION_MIN_INVESTMENT_WAN) unmet.push('investment_below_threshold');
  if (!nodeDoneBy(nodes, KEY_NODES.started, asOf)) unmet.push('construction_not_started');
  return { eligible: unmet.length === 0, unmet, evidence: REGISTRATION_EVIDENCE };
}
