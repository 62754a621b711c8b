/**
 * Demo enterprises: the names in the district reports (seeds/facts.json, names only) with an industry,
 * a size and figures chosen for the demo, plus invented ones (marked `invented`) so that matching
 * means something in every district. No USCC here is real: each is made up and completed with the
 * GB 32100 check character.
 */
export interface DemoEnterpriseSeed {
  name: string;
  industryCode: string;
  employees: number;
  /** 元 per year. */
  revenue: number;
  /** 工业总产值 of 2024 and 2025, 元 (industry only). */
  output?: [number, number];
  highTech?: boolean;
  fourAbove?: boolean;
}

const YI = 100_000_000;
const WAN = 10_000;

export const NAMED_ENTERPRISES: Record<string, DemoEnterpriseSeed[]> = {
  '220106': [
    { name: '中车长春轨道客车', industryCode: '3711', employees: 12000, revenue: 300 * YI, output: [280 * YI, 310 * YI], fourAbove: true, highTech: true },
    { name: '吉林省长春皓月清真肉业', industryCode: '1351', employees: 3000, revenue: 80 * YI, output: [75 * YI, 82 * YI], fourAbove: true },
    { name: '长春研奥电气', industryCode: '3716', employees: 600, revenue: 6 * YI, output: [8 * YI, 12 * YI], fourAbove: true, highTech: true },
    { name: '中研高分子(中研股份)', industryCode: '2651', employees: 400, revenue: 3 * YI, output: [2.8 * YI, 3.1 * YI], fourAbove: true, highTech: true },
    { name: '长春万华汽车实业', industryCode: '3670', employees: 350, revenue: 2.5 * YI, output: [2.2 * YI, 2.6 * YI], fourAbove: true },
    { name: '长春市汽车冲压件有限公司', industryCode: '3670', employees: 150, revenue: 8000 * WAN, output: [7000 * WAN, 8200 * WAN], fourAbove: true },
    { name: '施耐利', industryCode: '5920', employees: 180, revenue: 1.5 * YI },
  ],
  '220105': [],
  '220103': [
    { name: '博瑞饲料', industryCode: '1329', employees: 120, revenue: 9000 * WAN, output: [8500 * WAN, 9200 * WAN], fourAbove: true },
    { name: '辣小鸭', industryCode: '1353', employees: 200, revenue: 1.2 * YI, output: [1.1 * YI, 1.25 * YI], fourAbove: true },
    { name: '荣发', industryCode: '5212', employees: 60, revenue: 3000 * WAN },
  ],
};

/** Industries the invented enterprises are drawn from, with a typical headcount and revenue. */
export const INVENTED_INDUSTRIES: { industryCode: string; label: string; employees: number; revenue: number }[] = [
  { industryCode: '6513', label: '软件', employees: 45, revenue: 900 * WAN },
  { industryCode: '6210', label: '餐饮', employees: 30, revenue: 400 * WAN },
  { industryCode: '5212', label: '商超', employees: 25, revenue: 600 * WAN },
  { industryCode: '3670', label: '汽配', employees: 90, revenue: 4000 * WAN },
  { industryCode: '7020', label: '物业', employees: 140, revenue: 1200 * WAN },
  { industryCode: '7519', label: '科技服务', employees: 18, revenue: 300 * WAN },
  { industryCode: '5920', label: '仓储', employees: 40, revenue: 800 * WAN },
  { industryCode: '3823', label: '电气', employees: 70, revenue: 3000 * WAN },
];

export const INVENTED_PER_DISTRICT: Record<string, number> = { '220106': 8, '220105': 10, '220103': 7 };
