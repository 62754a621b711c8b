/** The projects API as the web UI reads it. */
export type Flag = 'red' | 'black' | 'none';
export type Light = 'green' | 'amber' | 'red';

export interface ProjectNode {
  id: number; code: string; stageCode: string; name: string; nameEn: string; required: boolean;
  plannedDate: string | null; actualDate: string | null; flag: Flag;
}
/** A photo on a monthly report: the thumbnail and the EXIF-free copy are what the page shows. */
export interface ReportPhoto { id: number; reportId: number; width: number; height: number; urls: { public: string; thumb: string } }
/** `photos` comes with the project page (GET /api/v1/projects/:id), not with the list. */
export interface ProjectReport { id: number; month: string; amount: number; progressText: string | null; reportedAt: string; late?: boolean; photos?: ReportPhoto[] }
/** A month's report against its deadline: on time, late, missing (the month closed without it) or still open. */
export interface MonthReportStatus { month: string; dueDay: string; closesAt: string; state: 'on_time' | 'late' | 'missing' | 'open'; reportedAt: string | null }
export interface ProjectReporting { closed: MonthReportStatus | null; open: MonthReportStatus | null }
export interface ProjectProblem { caseId: number; number: string; title: string; state: string; open: boolean; ageDays: number; raisedAt: string }
export interface ProjectEvent { id: number; at: string; actorRole: string; action: string; data: unknown; hash: string }

export interface Project {
  id: number; name: string; type: 'industry' | 'infrastructure' | 'public'; totalInvestment: number; annualInvestment: number;
  location: { lat: number; lng: number } | null; address: string | null; patron: { id: number; displayName: string } | null;
  stageCode: string; flag: Flag; version: number; illustrative: boolean; planLists: { year: number; level: string }[];
  investment: { month: string; yearToDate: number; sinceStart: number; percentOfAnnualPlan: number | null; timeProgress: number; light: Light };
  registration: { eligible: boolean; unmet: string[] };
  nodes: ProjectNode[]; reports: ProjectReport[]; reporting?: ProjectReporting;
}
export interface ProjectDetail extends Project { problems: ProjectProblem[]; timeline: ProjectEvent[]; timelineIntact: boolean }

export const STAGES = ['investment_landing', 'preliminary_approval', 'construction_start', 'completion_acceptance', 'operation'] as const;
export const STAGE_COLORS: Record<string, string> = {
  investment_landing: '#8c8c8c', preliminary_approval: '#1677ff', construction_start: '#fa8c16', completion_acceptance: '#13c2c2', operation: '#52c41a',
};
export const LIGHT_COLORS: Record<Light, string> = { green: 'green', amber: 'gold', red: 'red' };
