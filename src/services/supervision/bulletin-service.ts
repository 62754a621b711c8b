/**
 * The monthly bulletin (月通报, DESIGN §5): the numbers a district office circulates, gathered
 * once and rendered as .docx and .xlsx by bulletin-docx.ts and bulletin-xlsx.ts.
 */
import { DomainError } from '../../domain/errors.ts';
import { parseDistrictSettings, periodOf } from '../../domain/org/index.ts';
import { parsePeriod, previousPeriod, samePeriodLastYear, type Period } from '../../domain/supervision/period.ts';
import type { IndicatorCounts, IndicatorRates } from '../../domain/supervision/indicator-compute.ts';
import { topCategories } from '../../db/repositories/supervision/indicator-repository.ts';
import { listLongSuspendedCases, listOverdueCases, listRectificationCases } from '../../db/repositories/supervision/bulletin-repository.ts';
import { enterpriseBulletinFigures, type EnterpriseBulletinFigures } from '../../db/repositories/policies/index.ts';
import { listAnchors, type StoredAnchor } from '../../db/repositories/case/index.ts';
import type { ApplicationIndicatorReport } from '../applications/index.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { computeIndicatorTable, computeRanking, type DistrictRef, type Ranking } from './indicator-service.ts';

const DAY_MS = 86_400_000;
const LIST_LIMIT = 50;

export interface Headline {
  counts: IndicatorCounts;
  rates: IndicatorRates;
  score: number | null;
}

export interface BulletinCase {
  number: string;
  title: string;
  state: string;
  categoryName: string;
  departmentName: string | null;
  resolveDeadline: Date | null;
  /** Overdue: whole days past the deadline; suspended: whole days suspended. */
  days: number;
  onTime?: boolean | null;
}

export interface BulletinData {
  district: DistrictRef;
  period: Period;
  previous: Period;
  lastYear: Period;
  asOf: Date;
  headline: { current: Headline; previous: Headline; lastYear: Headline };
  rankings: { street: Ranking; department: Ranking };
  topCategories: { code: string; majorName: string; minorName: string; count: number }[];
  overdue: BulletinCase[];
  longSuspended: BulletinCase[];
  longSuspendedDays: number;
  rectifications: BulletinCase[];
  /** 政务服务办件 indicators and ranking of the month, per department and per window (docs/applications.md). */
  serviceApplications: { department: ApplicationIndicatorReport; window: ApplicationIndicatorReport };
  /** 十一: demands and policies (docs/enterprises.md), the month and the year to the month's end. */
  enterprises: { month: EnterpriseBulletinFigures; yearToDate: EnterpriseBulletinFigures };
  /** 十四: the district's latest signed timeline anchors, printed so a copy exists outside the database (ADR 0037). */
  anchors: StoredAnchor[];
  /** 十二、十三: the 四率 of the key projects and the district targets of the month (docs/projects.md). */
  projects: ProjectSection;
}

export interface ProjectSection {
  rates: { landingRate: number | null; preparationRate: number | null; investmentRate: number | null; registrationRate: number | null };
  counts: { projects: number; signed: number; landed: number; prepared: number; eligible: number; registered: number };
  investment: { yearToDate: number; annualPlanned: number };
  score: number | null;
  frozen: boolean;
  peerPlace: number | null;
  targets: {
    name: string; unit: string; kind: string; target: number | null; value: number | null; yoy: number | null;
    measure: number | null; timeProgress: number; light: string | null; place: number | null;
  }[];
}

/** How many of the district's latest anchors the bulletin prints. */
export const BULLETIN_ANCHORS = 3;

async function headlineOf(deps: ServiceDeps, district: DistrictRef, period: Period): Promise<Headline> {
  const table = await computeIndicatorTable(deps, district, 'district', period);
  return { counts: table.total.counts, rates: table.total.rates, score: table.total.score };
}

/**
 * 九、十: the 政务服务 section. Imported when first needed because the applications area imports the case
 * area, which imports this one (rectification follow-ups): a static import would close that cycle while
 * the modules are still initialising.
 */
async function serviceApplicationSection(deps: ServiceDeps, district: DistrictRef, month: string): Promise<BulletinData['serviceApplications']> {
  const { computeApplicationIndicatorReport } = await import('../applications/index.ts');
  return {
    department: await computeApplicationIndicatorReport(deps, district, 'department', month),
    window: await computeApplicationIndicatorReport(deps, district, 'window', month),
  };
}

/** 十二、十三: imported when first needed, like the 政务服务 section (the projects area imports this one). */
async function projectSection(deps: ServiceDeps, district: DistrictRef, month: string): Promise<ProjectSection> {
  const { projectRatesOfDistrict, targetsOfDistrict } = await import('../projects/index.ts');
  const ref = { id: district.id, code: district.code.trim(), name: district.name };
  const rates = await projectRatesOfDistrict(deps, ref, month);
  const targets = await targetsOfDistrict(deps, ref, Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return {
    rates: {
      landingRate: rates.rates.landingRate, preparationRate: rates.rates.preparationRate,
      investmentRate: rates.rates.investmentRate, registrationRate: rates.rates.registrationRate,
    },
    counts: rates.rates.counts, investment: rates.rates.investment, score: rates.score, frozen: rates.frozen,
    peerPlace: rates.peers.find((peer) => peer.unit.id === district.id)?.place ?? null,
    targets: targets.items.map((item) => ({
      name: item.name, unit: item.unit, kind: item.kind, target: item.target, value: item.latest?.value ?? null, yoy: item.latest?.yoy ?? null,
      measure: item.standing.measure, timeProgress: item.standing.timeProgress, light: item.standing.light, place: item.place,
    })),
  };
}

/**
 * Gathers the bulletin of one month.
 * @throws DomainError PERIOD_INVALID when `month` is not YYYY-MM
 */
export async function buildBulletin(deps: ServiceDeps, district: DistrictRef, month: string): Promise<BulletinData> {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new DomainError('PERIOD_INVALID', { period: month });
  const period = parsePeriod(month);
  const previous = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  const now = deps.clock();
  const asOf = new Date(Math.min(period.end.getTime(), now.getTime()));
  const { longSuspendedDays } = parseDistrictSettings(district, periodOf(period.start));
  const headline = {
    current: await headlineOf(deps, district, period),
    previous: await headlineOf(deps, district, previous),
    lastYear: await headlineOf(deps, district, lastYear),
  };
  const rankings = { street: await computeRanking(deps, district, 'street', period), department: await computeRanking(deps, district, 'department', period) };
  const categories = await topCategories(deps.db, district.id, period.start, period.end, 5);
  const toCase = (row: Awaited<ReturnType<typeof listOverdueCases>>[number], days: number, onTime?: boolean | null): BulletinCase => ({
    number: row.number, title: row.title, state: row.state, categoryName: row.category_name, departmentName: row.department_name,
    resolveDeadline: row.resolve_deadline, days, ...(onTime === undefined ? {} : { onTime }),
  });
  const overdue = (await listOverdueCases(deps.db, district.id, asOf, LIST_LIMIT)).map((row) =>
    toCase(row, Math.floor((asOf.getTime() - row.resolve_deadline!.getTime()) / DAY_MS)));
  const suspended = (await listLongSuspendedCases(deps.db, district.id, new Date(asOf.getTime() - longSuspendedDays * DAY_MS), LIST_LIMIT)).map((row) =>
    toCase(row, Math.floor((asOf.getTime() - row.suspended_at!.getTime()) / DAY_MS)));
  const rectifications = (await listRectificationCases(deps.db, district.id, period.start, period.end)).map((row) => {
    const onTime = row.resolved_at && row.resolve_deadline ? row.resolved_at.getTime() <= row.resolve_deadline.getTime() : null;
    return toCase(row, 0, onTime);
  });
  return {
    district, period, previous, lastYear, asOf, headline, rankings,
    topCategories: categories.map((row) => ({ code: row.code, majorName: row.major_name, minorName: row.minor_name, count: Number(row.n) })),
    overdue, longSuspended: suspended, longSuspendedDays, rectifications,
    serviceApplications: await serviceApplicationSection(deps, district, month),
    enterprises: {
      month: await enterpriseBulletinFigures(deps.db, district.id, period.start, period.end),
      yearToDate: await enterpriseBulletinFigures(deps.db, district.id, parsePeriod(`${period.key.slice(0, 4)}-01`).start, period.end),
    },
    anchors: (await listAnchors(deps.db, { districtId: district.id, latest: BULLETIN_ANCHORS })).filter((a) => a.anchoredAt.getTime() <= now.getTime()),
    projects: await projectSection(deps, district, month),
  };
}
