/** The shapes of the service item and application API as the UI reads them. */
export interface ServiceItemView {
  code: string;
  name: string;
  departmentCode: string;
  departmentName: string;
  kind: 'on_the_spot' | 'promised' | 'escalated' | 'joint';
  legalLimitDays: number;
  promisedLimitDays: number;
  materials: string[];
  toleranceAllowed: boolean;
}

export interface ApplicationPublicView {
  number: string;
  serviceItem: { code: string; name: string; departmentName: string };
  status: string;
  nationalCode: number;
  promisedDeadline: string;
  legalDeadline: string;
  paused: 'supplement' | 'special_procedure' | null;
  supplementMissing: string[] | null;
  rating: string | null;
  canRate: boolean;
}

export interface ApplicationStaffView extends ApplicationPublicView {
  caseId: number;
  version: number;
  applicant: { name: string; phone: string };
  missingMaterials: string[];
  itemKind: ServiceItemView['kind'];
  clock: { promisedRemainingDays: number; legalRemainingDays: number; legalOverdue: boolean };
  ratingComment: string | null;
  rectification: { caseId: number; number: string; state: string; resolveDeadline: string | null; closedAt: string | null; calledBack: boolean } | null;
}
