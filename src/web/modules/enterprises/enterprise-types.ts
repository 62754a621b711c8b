/** What the enterprise and policy API returns, as the web reads it. */
export interface Bilingual { zh: string; en: string }

export interface EnterpriseView {
  id: number; name: string; uscc: string; industryCode: string; districtId: number; address: string | null;
  liaisonUserId: number | null; patronUserId: number | null; invented: boolean;
}

export interface PersonView { id: number; displayName: string; phone: string | null }

export interface DemandView {
  caseId: number; number: string; title: string; state: string; categoryCode: string; categoryName: string; createdAt: string; closedAt: string | null;
  version: number; rating: string | null;
}

export interface EnterpriseDetailView extends EnterpriseView {
  sizeClass: 'large' | 'medium' | 'small' | 'micro' | null;
  industry: { code: string; zh: string }[];
  usccDecoded: { authority: { code: string; zh: string | null; en: string | null }; kind: { code: string; zh: string | null; en: string | null }; registrationDivision: string } | null;
  liaison: PersonView | null;
  patron: PersonView | null;
  facts: { key: string; value: number; asOf: string; source: string }[];
  tags: { tag: string; validFrom: string; validTo: string | null; source: string }[];
  demands: DemandView[];
}

export interface RuleOutcomeView { status: 'met' | 'almost' | 'not'; type: string; text: Bilingual; children?: RuleOutcomeView[] }

export interface PolicyView { id: number; code: string; title: string; titleEn: string; issuer: string; documentNumber: string; mode: 'auto_grant' | 'application' }

export interface MatchView {
  status: 'met' | 'almost' | 'not'; amount: number | null; amountText: Bilingual | null; reason: Bilingual | null; explanation: RuleOutcomeView | null;
}

export interface GrantView {
  id: number; runId: number; policyCode: string; policyTitle: string; policyTitleEn: string; enterpriseId: number; enterpriseName: string;
  amount: number; status: 'pending' | 'confirmed' | 'declined' | 'paid'; paymentReference: string | null;
}

export interface PushView { id: number; policyId: number; policyTitle: string; enterpriseId: number; enterpriseName: string; pushedAt: string; readAt: string | null }

export interface PolicyApplicationView {
  caseId: number; number: string; status: 'submitted' | 'accepted' | 'approved' | 'rejected' | 'paid'; policyId: number; policyCode: string;
  policyTitle: string; policyTitleEn: string; amount: number; deadline: string | null; paymentReference: string | null;
}
