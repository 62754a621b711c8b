/**
 * The demo's key projects and district indicators, taken as facts from `seeds/facts.json` (names, type, the
 * stage the reports name, list year, investment where stated; indicator figures and stated targets). Everything
 * else the demo shows about them is invented and marked illustrative.
 */

export interface DemoProjectFact {
  name: string;
  type: 'industry' | 'infrastructure' | 'public';
  /** The stage as the report words it; absent when it names none. */
  stage?: string;
  year: number;
  /** 万元, when the report states it. */
  investmentWan?: number;
}

export interface DemoIndicatorFact {
  indicator: string;
  name: string;
  unit: string;
  kind: 'amount' | 'growth';
  year: number;
  /** The last month the figure covers (12 for a whole year). */
  month: number;
  value: number | null;
  yoy: number | null;
  target: number | null;
}

export const DEMO_PROJECT_FACTS: Record<string, DemoProjectFact[]> = {
  '220106': [
    { name: '万华汽车零部件项目', type: 'industry', stage: '投产达效', year: 2022 },
    { name: '研奥科技项目', type: 'industry', stage: '投产达效', year: 2022 },
    { name: '区公共卫生服务中心', type: 'public', stage: '在建', year: 2023 },
    { name: '智能装备产业园', type: 'industry', stage: '在建', year: 2022 },
    { name: '通用技术中国医药北方总部', type: 'industry', stage: '签约落地', year: 2023 },
    { name: '皓月5万吨熟食加工项目', type: 'industry', stage: '开工', year: 2022 },
    { name: '皓月生物瓣膜项目', type: 'industry', stage: '试生产', year: 2022 },
    { name: '敏实智能数字化工厂', type: 'industry', year: 2023 },
    { name: '山东嘉泰轨道交通装配制造', type: 'industry', year: 2023 },
    { name: '新能源汽车产业园', type: 'industry', year: 2023 },
    { name: '航天科技城', type: 'industry', year: 2023 },
    { name: '市妇产医院西部院区', type: 'public', stage: '主体封顶', year: 2023 },
    { name: '皓月实验学校', type: 'public', stage: '主体封顶', year: 2023 },
    { name: '正阳小学延年校区', type: 'public', stage: '竣工', year: 2023 },
    { name: '大西河堡乡村振兴示范项目(一期)', type: 'public', stage: '竣工', year: 2023, investmentWan: 9500 },
    { name: '雁鸣湖康养小镇', type: 'industry', stage: '谋划', year: 2023 },
    { name: '新城吾悦广场', type: 'industry', year: 2022 },
  ],
  '220105': [
    { name: '中拓数字化工厂(年产400万件汽车轻量化零部件)', type: 'industry', stage: '主体竣工', year: 2022 },
    { name: '新金享冷弯型钢项目(年产4万吨轨道车体)', type: 'industry', stage: '在建', year: 2022 },
    { name: '长春国家农业公园(一期)', type: 'industry', stage: '开工', year: 2022, investmentWan: 150000 },
    { name: '英俊污水处理厂扩容提标', type: 'infrastructure', stage: '投用', year: 2022 },
    { name: '东新中学', type: 'public', stage: '在建', year: 2023 },
    { name: '毓航实验学校', type: 'public', stage: '在建', year: 2023 },
    { name: '长新小学', type: 'public', stage: '谋划', year: 2023 },
    { name: '新开大街', type: 'infrastructure', stage: '开工', year: 2023 },
    { name: '香泰大路', type: 'infrastructure', stage: '开工', year: 2023 },
  ],
  '220103': [
    { name: '中车整体搬迁', type: 'industry', stage: '投产', year: 2023 },
    { name: '裕隆汽车零部件制造', type: 'industry', stage: '土建完成', year: 2023 },
    { name: '云辉环保科技(年处理5万吨电路板)', type: 'industry', stage: '土建完成', year: 2023 },
    { name: '上海路北地块(万达广场)', type: 'industry', stage: '主体施工', year: 2023 },
    { name: '区医院异地建设', type: 'public', stage: '主体施工', year: 2023 },
    { name: '中粮油脂', type: 'industry', stage: '签约落地', year: 2024 },
    { name: '鑫祥发电', type: 'industry', stage: '新建', year: 2024 },
    { name: '富奥智慧新能源', type: 'industry', stage: '新建', year: 2024 },
    { name: '鲜啤30公里啤酒加工', type: 'industry', stage: '签约落地', year: 2024 },
    { name: '热电一厂熔盐储能', type: 'industry', stage: '签约落地', year: 2024 },
    { name: '天茂医药医疗器械', type: 'industry', stage: '在建', year: 2024 },
    { name: '金润新能源', type: 'industry', stage: '前期', year: 2024 },
    { name: '顺风农业有机肥', type: 'industry', stage: '前期', year: 2024 },
    { name: '东北亚农产品批发市场', type: 'industry', stage: '前期', year: 2024 },
    { name: '北三环拓宽', type: 'infrastructure', stage: '在建', year: 2024 },
  ],
};

const fact = (indicator: string, name: string, unit: string, kind: 'amount' | 'growth', year: number, month: number, value: number | null, yoy: number | null, target: number | null = null): DemoIndicatorFact =>
  ({ indicator, name, unit, kind, year, month, value, yoy, target });

/** The seeds' indicators in the years they report; a stated plan is the target of its year. */
export const DEMO_INDICATOR_FACTS: Record<string, DemoIndicatorFact[]> = {
  '220106': [
    // The report gives 81.4 亿元 of investment, 8.0% up: the growth indicator's value is the 8.0.
    fact('fixed_asset_investment_growth', '固定资产投资增速', '%', 'growth', 2022, 10, 8, null),
    fact('fixed_asset_investment_growth', '固定资产投资增速', '%', 'growth', 2023, 12, null, null, 5.5),
    fact('gdp_growth', '地区生产总值增速', '%', 'growth', 2023, 12, null, 7),
    fact('industrial_output', '规上工业总产值', '亿元', 'amount', 2023, 12, 500, 10),
    fact('market_entities', '经营主体', '户', 'amount', 2023, 12, 124000, 4.3),
    fact('new_jobs', '城镇新增就业', '人', 'amount', 2022, 12, 8100, null),
    fact('new_jobs', '城镇新增就业', '人', 'amount', 2023, 12, 8344, null),
    fact('high_tech_enterprises', '高新技术企业', '户', 'amount', 2022, 12, 129, null),
    fact('high_tech_enterprises', '高新技术企业', '户', 'amount', 2023, 12, null, null, 161),
  ],
  '220105': [
    fact('industrial_investment_growth', '产业类投资增速', '%', 'growth', 2022, 12, null, 74.3),
    fact('market_entities', '市场主体', '户', 'amount', 2022, 12, 100000, 13),
    fact('market_entities', '市场主体', '户', 'amount', 2023, 12, null, null, 110000),
    fact('new_jobs', '城镇新增就业', '人', 'amount', 2022, 12, 8000, null),
  ],
  '220103': [
    fact('key_projects_started', '重点项目开复工', '个', 'amount', 2023, 12, 55, null),
    fact('jobs_created', '就业岗位开发', '个', 'amount', 2023, 12, 10000, null),
    fact('high_tech_enterprises', '国家高新技术企业', '家', 'amount', 2024, 12, null, null, 80),
  ],
};

/** Indicators every demo district tracks in the current year, with illustrative targets (the seeds give none for it). */
export const DEMO_CURRENT_TARGETS: { indicator: string; name: string; unit: string; kind: 'amount' | 'growth'; targets: Record<string, number> }[] = [
  { indicator: 'gdp_growth', name: '地区生产总值增速', unit: '%', kind: 'growth', targets: { '220106': 6.5, '220105': 6, '220103': 6 } },
  { indicator: 'fixed_asset_investment_growth', name: '固定资产投资增速', unit: '%', kind: 'growth', targets: { '220106': 5.5, '220105': 8, '220103': 7 } },
  { indicator: 'industrial_output', name: '规上工业总产值', unit: '亿元', kind: 'amount', targets: { '220106': 550, '220105': 180, '220103': 420 } },
  { indicator: 'retail_sales', name: '社会消费品零售总额', unit: '亿元', kind: 'amount', targets: { '220106': 260, '220105': 310, '220103': 240 } },
  { indicator: 'market_entities', name: '经营主体', unit: '户', kind: 'amount', targets: { '220106': 130000, '220105': 112000, '220103': 95000 } },
  { indicator: 'new_jobs', name: '城镇新增就业', unit: '人', kind: 'amount', targets: { '220106': 8500, '220105': 8200, '220103': 9000 } },
];
