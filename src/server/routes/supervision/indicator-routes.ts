/** Indicators (指标) and rankings (赛马): GET only, for the district's command centre, supervisors and leaders. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UNIT_LEVELS } from '../../../domain/supervision/index.ts';
import { parsePeriod, type Period } from '../../../domain/supervision/period.ts';
import { computeIndicatorTable, computeRanking, districtForReader, type UnitIndicators } from '../../../services/supervision/indicator-service.ts';
import type { RouteDeps } from '../route-deps.ts';

const IndicatorQuery = z.strictObject({
  period: z.string().min(4).max(40),
  level: z.enum(UNIT_LEVELS).default('district'),
  unit: z.string().max(64).optional(),
  district: z.string().regex(/^\d{6}$/).optional(),
});
const RankingQuery = z.strictObject({
  period: z.string().min(4).max(40),
  level: z.enum(UNIT_LEVELS).default('street'),
  district: z.string().regex(/^\d{6}$/).optional(),
});

/** A period as the API shows it. */
export function presentPeriod(period: Period) {
  return { key: period.key, kind: period.kind, start: period.start.toISOString(), end: period.end.toISOString() };
}

function presentIndicators(row: Omit<UnitIndicators, 'unit'>) {
  return { counts: row.counts, rates: row.rates, score: row.score, grade: row.grade };
}

export async function indicatorRoutes(app: FastifyInstance, { services }: RouteDeps): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/v1/indicators',
    { schema: { tags: ['indicators'], summary: '考核指标 / Indicators per unit and period', querystring: IndicatorQuery } },
    async (request) => {
      const { period: key, level, unit, district: districtCode } = request.query;
      const district = await districtForReader(services, request.actor, districtCode);
      const table = await computeIndicatorTable(services, district, level, parsePeriod(key), unit);
      return {
        district: { code: district.code, name: district.name },
        period: presentPeriod(table.period),
        asOf: table.asOf.toISOString(),
        level,
        weights: table.weights,
        items: table.units.map((row) => ({ unit: row.unit, ...presentIndicators(row) })),
        total: presentIndicators(table.total),
      };
    },
  );

  typed.get(
    '/api/v1/rankings',
    { schema: { tags: ['indicators'], summary: '赛马排名 / Rankings with red and black lists', querystring: RankingQuery } },
    async (request) => {
      const { period: key, level, district: districtCode } = request.query;
      const district = await districtForReader(services, request.actor, districtCode);
      const ranking = await computeRanking(services, district, level, parsePeriod(key));
      return {
        district: { code: district.code, name: district.name },
        period: presentPeriod(ranking.period),
        previousPeriod: presentPeriod(ranking.previous),
        level,
        weights: ranking.weights,
        items: ranking.items,
        unranked: ranking.unranked,
        redList: ranking.redList,
        blackList: ranking.blackList,
      };
    },
  );
}
