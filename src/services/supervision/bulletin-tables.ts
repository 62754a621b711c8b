/**
 * The monthly bulletin as titled tables of strings, in Chinese: one layout shared by the Word
 * and Excel renderers, so both files say the same thing.
 */
import type { BulletinCase, BulletinData, Headline } from './bulletin-service.ts';
import type { Ranking } from './indicator-service.ts';
import type { ApplicationIndicatorReport } from '../applications/index.ts';

export interface BulletinTable {
  title: string;
  headers: string[];
  rows: string[][];
  /** Written instead of an empty table (default 本月无。). */
  emptyText?: string;
}

export interface BulletinDocument {
  title: string;
  subtitle: string;
  summary: string;
  tables: BulletinTable[];
}

const STATE_ZH: Record<string, string> = {
  reported: '已上报', filed: '已立案', dispatched: '已派遣', signed: '处置中', suspended: '已挂起', resolved: '待核查', closed: '已结案',
  declined: '不予立案', merged: '已合并',
};

const DASH = '—';

/** 0.857143 → '85.71%'. */
export function percent(rate: number | null): string {
  return rate === null ? DASH : `${(rate * 100).toFixed(2)}%`;
}

function shanghaiText(instant: Date | null): string {
  if (!instant) return DASH;
  const local = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

function countChange(current: number, base: number): string {
  if (base === 0) return DASH;
  const change = ((current - base) / base) * 100;
  return `${change > 0 ? '+' : ''}${change.toFixed(1)}%`;
}

function rateChange(current: number | null, base: number | null): string {
  if (current === null || base === null) return DASH;
  const points = (current - base) * 100;
  return `${points > 0 ? '+' : ''}${points.toFixed(2)}个百分点`;
}

function headlineTable(data: BulletinData): BulletinTable {
  const { current, previous, lastYear } = data.headline;
  const counts: [string, (h: Headline) => number][] = [
    ['立案数', (h) => h.counts.filed], ['结案数', (h) => h.counts.closed], ['应结案数', (h) => h.counts.due], ['超期数', (h) => h.counts.overdue],
  ];
  const rates: [string, (h: Headline) => number | null][] = [
    ['结案率', (h) => h.rates.closeRate], ['按期结案率', (h) => h.rates.onTimeCloseRate], ['按期处置率', (h) => h.rates.onTimeResolveRate],
    ['返工率', (h) => h.rates.reworkRate], ['延期率', (h) => h.rates.extensionRate], ['退单率', (h) => h.rates.returnRate],
    ['满意率', (h) => h.rates.satisfactionRate],
  ];
  const score = (h: Headline) => (h.score === null ? DASH : h.score.toFixed(2));
  return {
    title: '一、主要指标',
    headers: ['指标', `本月（${data.period.key}）`, `上月（${data.previous.key}）`, '环比', `去年同月（${data.lastYear.key}）`, '同比'],
    rows: [
      ...counts.map(([name, get]) => [
        name, String(get(current)), String(get(previous)), countChange(get(current), get(previous)), String(get(lastYear)), countChange(get(current), get(lastYear)),
      ]),
      ...rates.map(([name, get]) => [
        name, percent(get(current)), percent(get(previous)), rateChange(get(current), get(previous)), percent(get(lastYear)), rateChange(get(current), get(lastYear)),
      ]),
      ['综合指标值', score(current), score(previous), current.score !== null && previous.score !== null ? (current.score - previous.score).toFixed(2) : DASH,
        score(lastYear), current.score !== null && lastYear.score !== null ? (current.score - lastYear.score).toFixed(2) : DASH],
    ],
  };
}

function movementText(movement: number | null): string {
  if (movement === null) return '新上榜';
  if (movement === 0) return '持平';
  return movement > 0 ? `上升${movement}位` : `下降${-movement}位`;
}

function rankingTable(title: string, ranking: Ranking): BulletinTable {
  return {
    title,
    headers: ['名次', '单位', '综合指标值', '等级', '排名得分', '较上月'],
    rows: ranking.items.map((row) => [
      String(row.place), row.unit.name, row.score.toFixed(2), row.grade ?? DASH, String(row.rankScore), movementText(row.movement),
    ]),
  };
}

function listsTable(data: BulletinData): BulletinTable {
  const rows: string[][] = [];
  for (const [levelName, ranking] of [['街道（乡镇）', data.rankings.street], ['部门', data.rankings.department]] as const) {
    for (const row of ranking.redList) rows.push(['红榜', levelName, row.unit.name, String(row.place), row.score.toFixed(2)]);
    for (const row of ranking.blackList) rows.push(['黑榜', levelName, row.unit.name, String(row.place), row.score.toFixed(2)]);
  }
  return { title: '四、红黑榜', headers: ['榜单', '层级', '单位', '名次', '综合指标值'], rows };
}

/** 九、十: the month's 政务服务 indicators per department and per window, ranked, with the district's total. */
function applicationTable(title: string, unitName: string, report: ApplicationIndicatorReport): BulletinTable {
  const figures = (row: Pick<ApplicationIndicatorReport['total'], 'counts' | 'rates' | 'score'>) => [
    String(row.counts.received), percent(row.rates.onTheSpotRate), percent(row.rates.promisedOnTimeRate), String(row.counts.legalOverdue),
    percent(row.rates.supplementRate), percent(row.rates.firstTimeRate), percent(row.rates.goodRatingRate), percent(row.rates.rectificationRate),
    percent(row.rates.callbackRate), row.score === null ? DASH : row.score.toFixed(2),
  ];
  return {
    title,
    headers: ['名次', unitName, '办件量', '即办率', '按承诺时限办结率', '法定超期数', '补正率', '一次办结率', '好评率', '差评整改率', '实名差评回访率', '综合指标值'],
    rows: [
      ...report.items.map((row) => [row.place === null ? DASH : String(row.place), row.unit.name, ...figures(row)]),
      [DASH, '全区', ...figures(report.total)],
    ],
  };
}

/** 十一: 助企服务与惠企政策 — demands solved on time, amounts granted, enterprises reached. */
function enterpriseTable(data: BulletinData): BulletinTable {
  const { month, yearToDate } = data.enterprises;
  const yuan = (cents: number) => (cents / 100).toFixed(2);
  const onTime = (f: typeof month) => percent(f.demandsClosed === 0 ? null : f.demandsClosedOnTime / f.demandsClosed);
  const rows: [string, (f: typeof month) => string][] = [
    ['企业诉求受理数', (f) => String(f.demandsFiled)],
    ['企业诉求办结数', (f) => String(f.demandsClosed)],
    ['按期办结数', (f) => String(f.demandsClosedOnTime)],
    ['按期办结率', onTime],
    ['免申即享兑现金额（元）', (f) => yuan(f.autoGrantPaidCents)],
    ['申报兑现金额（元）', (f) => yuan(f.applicationPaidCents)],
    ['获得兑现企业数', (f) => String(f.enterprisesPaid)],
    ['政策推送触达企业数', (f) => String(f.enterprisesPushed)],
  ];
  return {
    title: '十一、助企服务与惠企政策',
    headers: ['指标', `本月（${data.period.key}）`, `本年累计（${data.period.key.slice(0, 4)}-01 至 ${data.period.key}）`],
    rows: rows.map(([name, get]) => [name, get(month), get(yearToDate)]),
  };
}

function caseRows(cases: BulletinCase[], last: (c: BulletinCase) => string[]): string[][] {
  return cases.map((c) => [c.number, c.title, c.categoryName, c.departmentName ?? DASH, ...last(c)]);
}

function ratePercent(rate: number | null): string {
  return rate === null ? DASH : `${rate.toFixed(1)}%`;
}

function amount(value: number | null): string {
  return value === null ? DASH : String(value);
}

const LIGHT_ZH: Record<string, string> = { green: '绿灯', amber: '黄灯', red: '红灯' };

/** 十二、十三: the key projects' 四率 and the district targets. */
function projectTables(section: BulletinData['projects']): BulletinTable[] {
  const { rates, counts, investment } = section;
  return [
    {
      title: `十二、重点项目四率（${section.frozen ? '月报截止时冻结' : '尚未截止，实时计算'}）`,
      headers: ['指标', '数值', '口径'],
      rows: [
        ['招商落地率', ratePercent(rates.landingRate), `招商落地阶段完成 ${counts.landed} ÷ 已签约 ${counts.signed}`],
        ['前期工作成熟率', ratePercent(rates.preparationRate), `前期审批完成 ${counts.prepared} ÷ 已落地 ${counts.landed}`],
        ['投资完成率', ratePercent(rates.investmentRate), `本年累计 ${investment.yearToDate} ÷ 年度计划 ${investment.annualPlanned}（万元）`],
        ['项目入统率', ratePercent(rates.registrationRate), `已入统 ${counts.registered} ÷ 符合入统条件 ${counts.eligible}`],
        ['赛马得分', section.score === null ? DASH : section.score.toFixed(1), `年度计划项目 ${counts.projects} 个；同级排名 ${section.peerPlace ?? DASH}`],
      ],
      emptyText: '本月无年度计划项目。',
    },
    {
      title: '十三、目标完成情况',
      headers: ['指标', '单位', '年度目标', '累计值', '同比', '完成度/增速', '序时进度', '进度灯', '同级排名'],
      rows: section.targets.map((item) => [
        item.name, item.unit, amount(item.target), amount(item.value), item.yoy === null ? DASH : `${item.yoy}%`,
        item.measure === null ? DASH : `${item.measure}%`, `${item.timeProgress}%`, item.light ? (LIGHT_ZH[item.light] ?? item.light) : DASH,
        item.place === null ? DASH : String(item.place),
      ]),
      emptyText: '本年度未设目标。',
    },
  ];
}

/** Lays the bulletin out as tables. */
export function bulletinDocument(data: BulletinData): BulletinDocument {
  const [year, month] = data.period.key.split('-');
  const current = data.headline.current;
  return {
    title: `${data.district.name}城市治理工作${year}年${Number(month)}月通报`,
    subtitle: `统计周期：${shanghaiText(data.period.start).slice(0, 10)} 至 ${shanghaiText(new Date(data.period.end.getTime() - 1)).slice(0, 10)}；数据截至 ${shanghaiText(data.asOf)}`,
    summary:
      `本月全区立案${current.counts.filed}件，结案${current.counts.closed}件，结案率${percent(current.rates.closeRate)}，` +
      `按期结案率${percent(current.rates.onTimeCloseRate)}，满意率${percent(current.rates.satisfactionRate)}，` +
      `综合指标值${current.score === null ? DASH : current.score.toFixed(2)}。`,
    tables: [
      headlineTable(data),
      rankingTable('二、街道（乡镇）赛马排名', data.rankings.street),
      rankingTable('三、部门赛马排名', data.rankings.department),
      listsTable(data),
      {
        title: '五、高发问题（立案数前五位）',
        headers: ['序号', '大类', '小类', '立案数'],
        rows: data.topCategories.map((row, index) => [String(index + 1), row.majorName, row.minorName, String(row.count)]),
      },
      {
        title: '六、超期未结案件',
        headers: ['案件编号', '标题', '类别', '责任单位', '处置时限', '超期天数'],
        rows: caseRows(data.overdue, (c) => [shanghaiText(c.resolveDeadline), String(c.days)]),
      },
      {
        title: `七、长期挂起案件（挂起${data.longSuspendedDays}天以上）`,
        headers: ['案件编号', '标题', '类别', '责任单位', '挂起天数'],
        rows: caseRows(data.longSuspended, (c) => [String(c.days)]),
      },
      {
        title: '八、差评整改情况',
        headers: ['案件编号', '标题', '类别', '责任单位', '状态', '整改时限', '是否按期'],
        rows: caseRows(data.rectifications, (c) => [
          STATE_ZH[c.state] ?? c.state, shanghaiText(c.resolveDeadline), c.onTime === true ? '按期' : c.onTime === false ? '超期' : '未完成',
        ]),
      },
      applicationTable('九、政务服务办件指标（按部门）', '部门', data.serviceApplications.department),
      applicationTable('十、政务服务办件指标（按窗口）', '窗口', data.serviceApplications.window),
      enterpriseTable(data),
      ...projectTables(data.projects),
      {
        // Printed, so a copy of the chain's signed positions exists outside the database: civicloop verify-timeline --anchors.
        title: '十四、时间线锚点（哈希链签名位置）',
        headers: ['签发时间', '链序号', '事件', '哈希', '密钥', '签名'],
        rows: data.anchors.map((a) => [shanghaiText(a.anchoredAt), String(a.chainSeq), String(a.eventId), a.hash, a.keyId, a.signature]),
      },
    ],
  };
}
