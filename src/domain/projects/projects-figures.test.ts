/** Hand-computed fixtures for 序时进度, the traffic lights and the 四率. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE } from './lifecycle.ts';
import { cumulativeAt, percentOfPlan, progressLight, reportProblems, timeProgress } from './investment.ts';
import { fourRates, monthEnd, raceScore, type RateProject } from './four-rates.ts';
import { rankPeers, targetStanding } from './targets.ts';
import type { ProjectNodeState } from './project-model.ts';

function nodes(done: Record<string, string>): ProjectNodeState[] {
  return DEFAULT_LIFECYCLE.flatMap((stage) => stage.nodes.map((node) => ({
    nodeCode: node.code, stageCode: stage.code, required: node.required, plannedDate: null, actualDate: done[node.code] ?? null,
  })));
}

const LANDED = { contract_signed: '2026-01-05', company_registered: '2026-01-10', site_selected: '2026-01-20', funds_in_place: '2026-02-01' };
const PREPARED = { ...LANDED, project_approved: '2026-02-10', eia_approved: '2026-02-20', energy_reviewed: '2026-02-20', planning_permit: '2026-03-01', construction_permit: '2026-03-10' };

describe('time progress and investment', () => {
  it('is the share of the year at the month end', () => {
    expect(timeProgress('2026-01')).toBe(8.3);
    expect(timeProgress('2026-03')).toBe(25);
    expect(timeProgress('2026-12')).toBe(100);
  });

  it('sums this year and since start from the monthly amounts', () => {
    const reports = [{ month: '2025-11', amount: 100 }, { month: '2026-01', amount: 50.5 }, { month: '2026-02', amount: 30 }, { month: '2026-04', amount: 999 }];
    expect(cumulativeAt(reports, '2026-03')).toEqual({ yearToDate: 80.5, sinceStart: 180.5 });
  });

  it('lights green at or ahead of time progress, amber within 10 points, red beyond', () => {
    // 300 of 1200 planned by March = 25% = time progress.
    expect(progressLight(percentOfPlan(300, 1200), timeProgress('2026-03'))).toBe('green');
    expect(progressLight(percentOfPlan(180, 1200), 25)).toBe('amber'); // 15%: 10 points behind
    expect(progressLight(percentOfPlan(179, 1200), 25)).toBe('red'); // 14.9%
    expect(progressLight(null, 25)).toBe('red');
  });

  it('lists every problem of a monthly report', () => {
    const base = { currentMonth: '2026-03', existing: [{ month: '2026-02', amount: 900 }], totalPlanned: 1000, overPlanExplanation: null };
    expect(reportProblems({ ...base, month: '2026-03', amount: 100 })).toEqual([]);
    expect(reportProblems({ ...base, month: '2026-04', amount: -1 })).toEqual(['investment_invalid', 'future_month']);
    expect(reportProblems({ ...base, month: '2026-02', amount: 1 })).toEqual(['duplicate_month']);
    expect(reportProblems({ ...base, month: '2026-03', amount: 101 })).toEqual(['over_total_plan']);
    expect(reportProblems({ ...base, month: '2026-03', amount: 101, overPlanExplanation: '概算调增' })).toEqual([]);
    expect(reportProblems({ ...base, month: '2026-03', amount: Number.NaN })).toContain('investment_invalid');
  });
});

describe('the four rates', () => {
  // A: landed and prepared, started 04-01, registered 04-20, 2000 planned, 1000 this year.
  // B: landed only, 300 planned (below the 500万 threshold). C: signed only. D: nothing yet.
  const projects: RateProject[] = [
    { totalPlanned: 2000, annualPlanned: 1000, nodes: nodes({ ...PREPARED, construction_started: '2026-04-01', statistics_registered: '2026-04-20' }), reports: [{ month: '2026-03', amount: 200 }, { month: '2026-04', amount: 150 }] },
    { totalPlanned: 300, annualPlanned: 200, nodes: nodes({ ...LANDED, construction_started: '2026-04-15' }), reports: [{ month: '2026-04', amount: 50 }] },
    { totalPlanned: 800, annualPlanned: 400, nodes: nodes({ contract_signed: '2026-03-01' }), reports: [] },
    { totalPlanned: 5000, annualPlanned: 400, nodes: nodes({}), reports: [] },
  ];

  it('computes April from node dates and reports up to 04-30', () => {
    const rates = fourRates(projects, '2026-04');
    expect(rates.counts).toEqual({ projects: 4, signed: 3, landed: 2, prepared: 1, eligible: 1, registered: 1 });
    expect(rates.landingRate).toBe(66.7); // 2 / 3
    expect(rates.preparationRate).toBe(50); // 1 / 2
    expect(rates.investmentRate).toBe(20); // (200 + 150 + 50) / (1000 + 200 + 400 + 400) = 400 / 2000
    expect(rates.registrationRate).toBe(100); // A only is eligible, and registered
    expect(raceScore(rates)).toBe(59.2); // (66.7 + 50 + 20 + 100) / 4 = 59.175
  });

  it('reads March without what happened in April', () => {
    const rates = fourRates(projects, '2026-03');
    expect(rates.counts).toMatchObject({ eligible: 0, registered: 0 });
    expect(rates.registrationRate).toBeNull();
    expect(rates.investmentRate).toBe(10); // 200 / 2000
  });

  it('knows month ends', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
  });
});

describe('targets', () => {
  it('judges an amount by its share of the target against time progress', () => {
    expect(targetStanding('amount', 500, { value: 260, yoy: 10 }, '2026-06')).toEqual({ measure: 52, timeProgress: 50, light: 'green' });
    expect(targetStanding('amount', 500, { value: 200, yoy: 10 }, '2026-06').light).toBe('amber'); // 40 = 50 − 10
    expect(targetStanding('amount', 500, { value: 199, yoy: 10 }, '2026-06').light).toBe('red');
  });

  it('judges a growth rate by the year-on-year figure against the target rate', () => {
    expect(targetStanding('growth', 5.5, { value: null, yoy: 8 }, '2026-10').light).toBe('green');
    expect(targetStanding('growth', 5.5, { value: null, yoy: 4.5 }, '2026-10').light).toBe('amber');
    expect(targetStanding('growth', 5.5, { value: null, yoy: 4.4 }, '2026-10').light).toBe('red');
    expect(targetStanding('growth', 5.5, null, '2026-10').light).toBeNull();
  });

  it('ranks peers with shared places for ties', () => {
    expect(rankPeers([{ districtId: 1, measure: 8 }, { districtId: 2, measure: 9 }, { districtId: 3, measure: 8 }, { districtId: 4, measure: null }])).toEqual([
      { districtId: 2, place: 1, rankScore: 100 }, { districtId: 1, place: 2, rankScore: 95 }, { districtId: 3, place: 2, rankScore: 95 },
    ]);
  });
});
