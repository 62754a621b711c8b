/**
 * GB/T 4754-2017 国民经济行业分类 as shipped data: all 20 门类 and 97 大类, plus the 中类/小类 the demo
 * enterprises and the demo policies use. Codes are stored without the letter ('3670'); the 门类
 * follows from the 大类. `INDUSTRY_CODE_VERSION` names the edition so a later table can sit beside it.
 */

export const INDUSTRY_CODE_VERSION = 'GB/T 4754-2017';

export interface IndustrySection {
  letter: string;
  zh: string;
  en: string;
  /** Inclusive range of its 大类. */
  from: number;
  to: number;
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { letter: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery', from: 1, to: 5 },
  { letter: 'B', zh: '采矿业', en: 'Mining', from: 6, to: 12 },
  { letter: 'C', zh: '制造业', en: 'Manufacturing', from: 13, to: 43 },
  { letter: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply', from: 44, to: 46 },
  { letter: 'E', zh: '建筑业', en: 'Construction', from: 47, to: 50 },
  { letter: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade', from: 51, to: 52 },
  { letter: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services', from: 53, to: 60 },
  { letter: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering', from: 61, to: 62 },
  { letter: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services', from: 63, to: 65 },
  { letter: 'J', zh: '金融业', en: 'Finance', from: 66, to: 69 },
  { letter: 'K', zh: '房地产业', en: 'Real estate', from: 70, to: 70 },
  { letter: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services', from: 71, to: 72 },
  { letter: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services', from: 73, to: 75 },
  { letter: 'N', zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities management', from: 76, to: 79 },
  { letter: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services', from: 80, to: 82 },
  { letter: 'P', zh: '教育', en: 'Education', from: 83, to: 83 },
  { letter: 'Q', zh: '卫生和社会工作', en: 'Health and social work', from: 84, to: 85 },
  { letter: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment', from: 86, to: 90 },
  { letter: 'S', zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations', from: 91, to: 96 },
  { letter: 'T', zh: '国际组织', en: 'International organisations', from: 97, to: 97 },
];

/** 大类 (2 digits), 中类 (3) and 小类 (4) names; every 大类 is present. */
export const INDUSTRY_NAMES: Readonly<Record<string, string>> = {
  '01': '农业', '02': '林业', '03': '畜牧业', '04': '渔业', '05': '农、林、牧、渔专业及辅助性活动',
  '06': '煤炭开采和洗选业', '07': '石油和天然气开采业', '08': '黑色金属矿采选业', '09': '有色金属矿采选业',
  '10': '非金属矿采选业', '11': '开采专业及辅助性活动', '12': '其他采矿业',
  '13': '农副食品加工业', '14': '食品制造业', '15': '酒、饮料和精制茶制造业', '16': '烟草制品业', '17': '纺织业',
  '18': '纺织服装、服饰业', '19': '皮革、毛皮、羽毛及其制品和制鞋业', '20': '木材加工和木、竹、藤、棕、草制品业',
  '21': '家具制造业', '22': '造纸和纸制品业', '23': '印刷和记录媒介复制业', '24': '文教、工美、体育和娱乐用品制造业',
  '25': '石油、煤炭及其他燃料加工业', '26': '化学原料和化学制品制造业', '27': '医药制造业', '28': '化学纤维制造业',
  '29': '橡胶和塑料制品业', '30': '非金属矿物制品业', '31': '黑色金属冶炼和压延加工业', '32': '有色金属冶炼和压延加工业',
  '33': '金属制品业', '34': '通用设备制造业', '35': '专用设备制造业', '36': '汽车制造业',
  '37': '铁路、船舶、航空航天和其他运输设备制造业', '38': '电气机械和器材制造业', '39': '计算机、通信和其他电子设备制造业',
  '40': '仪器仪表制造业', '41': '其他制造业', '42': '废弃资源综合利用业', '43': '金属制品、机械和设备修理业',
  '44': '电力、热力生产和供应业', '45': '燃气生产和供应业', '46': '水的生产和供应业',
  '47': '房屋建筑业', '48': '土木工程建筑业', '49': '建筑安装业', '50': '建筑装饰、装修和其他建筑业',
  '51': '批发业', '52': '零售业',
  '53': '铁路运输业', '54': '道路运输业', '55': '水上运输业', '56': '航空运输业', '57': '管道运输业',
  '58': '多式联运和运输代理业', '59': '装卸搬运和仓储业', '60': '邮政业',
  '61': '住宿业', '62': '餐饮业',
  '63': '电信、广播电视和卫星传输服务', '64': '互联网和相关服务', '65': '软件和信息技术服务业',
  '66': '货币金融服务', '67': '资本市场服务', '68': '保险业', '69': '其他金融业',
  '70': '房地产业', '71': '租赁业', '72': '商务服务业',
  '73': '研究和试验发展', '74': '专业技术服务业', '75': '科技推广和应用服务业',
  '76': '水利管理业', '77': '生态保护和环境治理业', '78': '公共设施管理业', '79': '土地管理业',
  '80': '居民服务业', '81': '机动车、电子产品和日用产品修理业', '82': '其他服务业',
  '83': '教育', '84': '卫生', '85': '社会工作',
  '86': '新闻和出版业', '87': '广播、电视、电影和录音制作业', '88': '文化艺术业', '89': '体育', '90': '娱乐业',
  '91': '中国共产党机关', '92': '国家机构', '93': '人民政协、民主党派', '94': '社会保障',
  '95': '群众团体、社会团体和其他成员组织', '96': '基层群众自治组织及其他组织', '97': '国际组织',
  '132': '饲料加工', '1329': '其他饲料加工',
  '135': '屠宰及肉类加工', '1351': '牲畜屠宰', '1353': '肉制品及副产品加工',
  '265': '合成材料制造', '2651': '初级形态塑料及合成树脂制造',
  '367': '汽车零部件及配件制造', '3670': '汽车零部件及配件制造',
  '371': '铁路运输设备制造', '3711': '高铁车组制造', '3716': '铁路专用设备及器材、配件制造',
  '382': '输配电及控制设备制造', '3823': '配电开关控制设备制造',
  '521': '综合零售', '5212': '超级市场零售',
  '592': '通用仓储', '5920': '通用仓储',
  '621': '正餐服务', '6210': '正餐服务',
  '651': '软件开发', '6513': '应用软件开发',
  '701': '房地产开发经营', '7010': '房地产开发经营', '702': '物业管理', '7020': '物业管理',
  '751': '技术推广服务', '7519': '其他技术推广服务',
};

/** The 门类 of a numeric code, or null when its 大类 does not exist. */
export function industrySection(code: string): IndustrySection | null {
  const division = Number.parseInt(code.slice(0, 2), 10);
  return INDUSTRY_SECTIONS.find((section) => division >= section.from && division <= section.to) ?? null;
}

/** A code is known when it is a 2–4 digit code in the shipped table. */
export function isKnownIndustryCode(code: string): boolean {
  return /^\d{2,4}$/.test(code) && INDUSTRY_NAMES[code] !== undefined;
}

/** Names from 门类 down to the code itself, for display. */
export function industryPath(code: string): { code: string; zh: string }[] {
  const section = industrySection(code);
  const levels = [2, 3, 4].filter((length) => length <= code.length).map((length) => code.slice(0, length));
  const named = levels.flatMap((level) => (INDUSTRY_NAMES[level] ? [{ code: level, zh: INDUSTRY_NAMES[level] }] : []));
  return section ? [{ code: section.letter, zh: section.zh }, ...named] : named;
}

/** Whether a code falls under a policy's prefix: a 门类 letter ('C') or a leading part of the digits ('36'). */
export function industryHasPrefix(code: string, prefix: string): boolean {
  if (/^[A-T]$/.test(prefix)) return industrySection(code)?.letter === prefix;
  return code.startsWith(prefix);
}
