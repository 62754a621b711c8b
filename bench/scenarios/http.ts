/**
 * Scenarios through HTTP against the server under test: the trivial-route ceiling, intake with
 * concurrent clients, the case list with typical filters, and a month's indicators and rankings.
 */
import { requestJson, runLoad, type LoadResult } from '../lib/load.ts';
import { summarize, timeRepeated, type LatencySummary } from '../lib/stats.ts';

export interface HttpFixture {
  /** Per district code: its grid codes. */
  gridsByDistrict: Map<string, string[]>;
  categories: { code: string; kind: string }[];
  streetCode: string;
  departmentId: number;
  categoryCode: string;
  textQuery: string;
  month: string;
}

async function login(port: number, username: string): Promise<string> {
  const response = await requestJson<{ token: string }>(port, { method: 'POST', path: '/api/v1/auth/login', body: JSON.stringify({ username, password: 'demo1234' }) });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.token;
}

/** Requests/s and latency of GET /__bench/ping at the given concurrency (the same Fastify, no work). */
export async function trivialRoute(port: number, concurrency: number, durationMs: number): Promise<LoadResult> {
  return runLoad(port, { concurrency, durationMs, next: () => ({ method: 'GET', path: '/__bench/ping' }) });
}

/** Intake: staff of every district report cases (gridCode routing) as fast as the server answers. */
export async function intake(port: number, fixture: HttpFixture, concurrency: number, durationMs: number): Promise<LoadResult> {
  const districts = [...fixture.gridsByDistrict.keys()];
  const tokens = new Map<string, string>();
  for (const code of districts) tokens.set(code, await login(port, `operator-${code}`));
  const reportable = fixture.categories.filter((c) => ['event', 'component', 'citizen_request'].includes(c.kind));
  return runLoad(port, {
    concurrency, durationMs,
    next(i) {
      const district = districts[i % districts.length]!;
      const grids = fixture.gridsByDistrict.get(district)!;
      const category = reportable[(i * 7) % reportable.length]!;
      return {
        method: 'POST', path: '/api/v1/cases', headers: { authorization: `Bearer ${tokens.get(district)}` },
        body: JSON.stringify({
          kind: category.kind, categoryCode: category.code, gridCode: grids[(i * 13) % grids.length],
          description: '压测工单：市民来电反映此处路灯不亮，影响夜间通行。Bench case.', address: `青年路${i % 300}号附近`,
          reporter: { name: '市民', phone: '13800000000' },
        }),
      };
    },
  });
}

export interface NamedLatency {
  name: string;
  path: string;
  latency: LatencySummary;
  total?: number;
}

/** The list as a district operator uses it: typical filters, sequential requests. */
export async function caseList(port: number, fixture: HttpFixture, iterations: number): Promise<{ queries: NamedLatency[]; all: LatencySummary }> {
  const token = await login(port, 'operator-220106');
  const headers = { authorization: `Bearer ${token}` };
  const queries: [string, string][] = [
    ['inbox (no filter)', '/api/v1/cases'],
    ['being worked on', '/api/v1/cases?state=dispatched,signed'],
    ['overdue', '/api/v1/cases?overdue=true'],
    ['new reports', '/api/v1/cases?state=reported'],
    ['one street', `/api/v1/cases?street=${fixture.streetCode}`],
    ['one department, open', `/api/v1/cases?department=${fixture.departmentId}&state=dispatched,signed,resolved`],
    ['one category', `/api/v1/cases?category=${fixture.categoryCode}`],
    ['text search (3+ chars)', `/api/v1/cases?q=${encodeURIComponent(fixture.textQuery)}`],
    ['page 20', '/api/v1/cases?page=20'],
  ];
  const all: number[] = [];
  const results: NamedLatency[] = [];
  for (const [name, path] of queries) {
    const first = await requestJson<{ total: number }>(port, { method: 'GET', path, headers });
    if (first.status !== 200) throw new Error(`${path}: ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
    const samples: number[] = [];
    const latency = await timeRepeated(iterations, async () => {
      const start = performance.now();
      await requestJson(port, { method: 'GET', path, headers });
      samples.push(performance.now() - start);
    });
    all.push(...samples);
    results.push({ name, path, latency, total: first.body.total });
  }
  return { queries: results, all: summarize(all) };
}

/** A month's indicators (street level) and rankings (department level) for one district, as its leader asks. */
export async function indicatorsAndRankings(port: number, fixture: HttpFixture, iterations: number) {
  const token = await login(port, 'leader-220106');
  const headers = { authorization: `Bearer ${token}` };
  const indicatorsPath = `/api/v1/indicators?period=${fixture.month}&level=street`;
  const rankingsPath = `/api/v1/rankings?period=${fixture.month}&level=department`;
  for (const path of [indicatorsPath, rankingsPath]) {
    const probe = await requestJson(port, { method: 'GET', path, headers });
    if (probe.status !== 200) return { skipped: `${path}: ${probe.status} ${JSON.stringify(probe.body).slice(0, 200)}` };
  }
  const indicators: number[] = [];
  const rankings: number[] = [];
  const both = await timeRepeated(iterations, async () => {
    let start = performance.now();
    await requestJson(port, { method: 'GET', path: indicatorsPath, headers });
    indicators.push(performance.now() - start);
    start = performance.now();
    await requestJson(port, { method: 'GET', path: rankingsPath, headers });
    rankings.push(performance.now() - start);
  });
  return { indicatorsPath, rankingsPath, indicators: summarize(indicators), rankings: summarize(rankings), both };
}
