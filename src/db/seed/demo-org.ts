/**
 * Demo org tree for the three 长春 districts the product grew from.
 *
 * Real: district codes/names, every street/town (街道/镇/乡) with its NBS 2023 code
 * (reference/domain.md §8), and the communities of 东盛街道 (二道区) and 团山街道 (宽城区).
 * Invented: all other community/village names and codes, and every grid. The full 700-grid
 * map (绿园区) comes later from a generator; this tree stays small on purpose.
 */

export interface DepartmentSeed { code: string; name: string; nameEn: string }
export interface GridSeed { code: string; name: string }
export interface CommunitySeed { code: string; name: string; grids: GridSeed[] }
export interface StreetSeed { code: string; name: string; nameEn?: string; communities: CommunitySeed[] }
export interface DistrictSeed {
  code: string;
  name: string;
  nameEn: string;
  /** Case number prefix, e.g. 'LY' → LY-2026-000123. */
  abbr: string;
  streets: StreetSeed[];
  departments: DepartmentSeed[];
}

/** The district command centre: 兜底 unit for cases nobody else owns. */
export const COMMAND_CENTRE_DEPARTMENT_CODE = 'zhzx';

/** Departments every demo district has; codes are the same in every district. */
export const DEMO_DEPARTMENTS: readonly DepartmentSeed[] = [
  { code: 'zhzx', name: '区指挥中心', nameEn: 'District Command Centre' },
  { code: 'cgj', name: '城市管理局', nameEn: 'Urban Management Bureau' },
  { code: 'zjj', name: '住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau' },
  { code: 'sthj', name: '生态环境分局', nameEn: 'Ecology and Environment Sub-bureau' },
  { code: 'scjg', name: '市场监督管理局', nameEn: 'Market Regulation Bureau' },
  { code: 'jtj', name: '交通运输局', nameEn: 'Transport Bureau' },
  { code: 'swj', name: '水务局', nameEn: 'Water Affairs Bureau' },
  { code: 'yjj', name: '应急管理局', nameEn: 'Emergency Management Bureau' },
  { code: 'gaj', name: '公安分局', nameEn: 'Public Security Sub-bureau' },
  { code: 'xfj', name: '信访局', nameEn: 'Letters and Calls Bureau' },
  { code: 'yshj', name: '营商环境建设局', nameEn: 'Business Environment Development Bureau' },
  { code: 'fgj', name: '发展和改革局', nameEn: 'Development and Reform Bureau' },
  { code: 'ylj', name: '园林绿化管理中心', nameEn: 'Landscaping and Greening Centre' },
  { code: 'grb', name: '供热管理办公室', nameEn: 'Heating Supply Office' },
  { code: 'mzj', name: '民政局', nameEn: 'Civil Affairs Bureau' },
  { code: 'sfj', name: '司法局', nameEn: 'Justice Bureau' },
  { code: 'rsj', name: '人力资源和社会保障局', nameEn: 'Human Resources and Social Security Bureau' },
];

/** Builds a community with `gridCount` grids numbered 001, 002, … inside it. */
function community(code: string, name: string, gridCount = 2): CommunitySeed {
  const grids: GridSeed[] = [];
  for (let n = 1; n <= gridCount; n += 1) {
    grids.push({ code: `${code}${String(n).padStart(3, '0')}`, name: `${name}第${n}网格` });
  }
  return { code, name, grids };
}

const LVYUAN_STREETS: StreetSeed[] = [
  { code: '220106001000', name: '正阳街道', nameEn: 'Zhengyang Subdistrict', communities: [
    community('220106001001', '正阳社区', 3), community('220106001002', '正兴社区'), community('220106001003', '正和社区')] },
  { code: '220106003000', name: '春城街道', nameEn: 'Chuncheng Subdistrict', communities: [
    community('220106003001', '春城社区'), community('220106003002', '春华社区')] },
  { code: '220106005000', name: '青年路街道', nameEn: 'Qingnianlu Subdistrict', communities: [
    community('220106005001', '青年路社区'), community('220106005002', '青华社区')] },
  { code: '220106006000', name: '普阳街道', nameEn: 'Puyang Subdistrict', communities: [
    community('220106006001', '普阳社区'), community('220106006002', '普庆社区')] },
  { code: '220106007000', name: '铁西街道', nameEn: 'Tiexi Subdistrict', communities: [
    community('220106007001', '铁西社区'), community('220106007002', '铁新社区')] },
  { code: '220106010000', name: '林园街道', nameEn: 'Linyuan Subdistrict', communities: [
    community('220106010001', '林园社区'), community('220106010002', '林丰社区')] },
  { code: '220106011000', name: '同心街道', nameEn: 'Tongxin Subdistrict', communities: [
    community('220106011001', '同心社区'), community('220106011002', '同德社区')] },
  { code: '220106012000', name: '迎宾街道', nameEn: 'Yingbin Subdistrict', communities: [
    community('220106012001', '迎宾社区'), community('220106012002', '宾馨社区')] },
  { code: '220106013000', name: '自立街道', nameEn: 'Zili Subdistrict', communities: [
    community('220106013001', '自立社区'), community('220106013002', '自强社区')] },
  { code: '220106100000', name: '合心镇', nameEn: 'Hexin Town', communities: [
    community('220106100001', '合心社区'), community('220106100201', '前进村'), community('220106100202', '双丰村')] },
  { code: '220106101000', name: '西新镇', nameEn: 'Xixin Town', communities: [
    community('220106101201', '西新村'), community('220106101202', '开源村')] },
  { code: '220106102000', name: '城西镇', nameEn: 'Chengxi Town', communities: [
    community('220106102201', '城西村'), community('220106102202', '兴隆村')] },
  { code: '220106400000', name: '绿园经济开发区', nameEn: 'Lüyuan Economic Development Zone', communities: [
    community('220106400001', '锦程社区'), community('220106400002', '锦华社区')] },
  { code: '220106401000', name: '皓月产业园区', nameEn: 'Haoyue Industrial Park', communities: [
    community('220106401001', '皓月社区'), community('220106401002', '月华社区')] },
];

const ERDAO_STREETS: StreetSeed[] = [
  // 东盛街道's communities are the real ones (domain.md §8).
  { code: '220105001000', name: '东盛街道', nameEn: 'Dongsheng Subdistrict', communities: [
    community('220105001001', '鑫旺社区', 3), community('220105001002', '公平社区', 3), community('220105001003', '光荣社区')] },
  { code: '220105002000', name: '吉林街道', nameEn: 'Jilin Subdistrict', communities: [
    community('220105002001', '吉林社区'), community('220105002002', '吉祥社区')] },
  { code: '220105003000', name: '荣光街道', nameEn: 'Rongguang Subdistrict', communities: [
    community('220105003001', '荣光社区'), community('220105003002', '荣华社区')] },
  { code: '220105004000', name: '东站街道', nameEn: 'Dongzhan Subdistrict', communities: [
    community('220105004001', '东站社区'), community('220105004002', '站东社区')] },
  { code: '220105005000', name: '远达街道', nameEn: 'Yuanda Subdistrict', communities: [
    community('220105005001', '远达社区'), community('220105005002', '达昌社区')] },
  { code: '220105006000', name: '八里堡街道', nameEn: 'Balipu Subdistrict', communities: [
    community('220105006001', '八里堡社区'), community('220105006002', '堡兴社区')] },
  { code: '220105007000', name: '长青街道', nameEn: 'Changqing Subdistrict', communities: [
    community('220105007001', '长青社区'), community('220105007002', '青松社区')] },
  { code: '220105010000', name: '东惠街道', nameEn: 'Donghui Subdistrict', communities: [
    community('220105010001', '东惠社区'), community('220105010002', '惠民社区')] },
  { code: '220105100000', name: '英俊镇', nameEn: 'Yingjun Town', communities: [
    community('220105100001', '英俊社区'), community('220105100201', '英俊村'), community('220105100202', '新立村')] },
  { code: '220105173000', name: '劝农山镇', nameEn: 'Quannongshan Town', communities: [
    community('220105173201', '劝农山村'), community('220105173202', '永安村')] },
  { code: '220105174000', name: '泉眼镇', nameEn: 'Quanyan Town', communities: [
    community('220105174201', '泉眼村'), community('220105174202', '裕民村')] },
  { code: '220105270000', name: '四家乡', nameEn: 'Sijia Township', communities: [
    community('220105270201', '四家村'), community('220105270202', '长兴村')] },
];

const KUANCHENG_STREETS: StreetSeed[] = [
  { code: '220103002000', name: '站前街道', nameEn: 'Zhanqian Subdistrict', communities: [
    community('220103002001', '站前社区', 3), community('220103002002', '北站社区')] },
  { code: '220103005000', name: '群英街道', nameEn: 'Qunying Subdistrict', communities: [
    community('220103005001', '群英社区'), community('220103005002', '群力社区')] },
  { code: '220103006000', name: '兴业街道', nameEn: 'Xingye Subdistrict', communities: [
    community('220103006001', '兴业社区'), community('220103006002', '兴华社区')] },
  { code: '220103007000', name: '凯旋街道', nameEn: 'Kaixuan Subdistrict', communities: [
    community('220103007001', '凯旋社区'), community('220103007002', '凯丰社区')] },
  // 团山街道's communities are the real ones (domain.md §8); the codes are not consecutive.
  { code: '220103008000', name: '团山街道', nameEn: 'Tuanshan Subdistrict', communities: [
    community('220103008001', '福山路社区', 3), community('220103008006', '小南街社区'), community('220103008200', '小南村')] },
  { code: '220103009000', name: '柳影街道', nameEn: 'Liuying Subdistrict', communities: [
    community('220103009001', '柳影社区'), community('220103009002', '柳青社区')] },
  { code: '220103010000', name: '欣园街道', nameEn: 'Xinyuan Subdistrict', communities: [
    community('220103010001', '欣园社区'), community('220103010002', '欣悦社区')] },
  { code: '220103011000', name: '长德街道', nameEn: 'Changde Subdistrict', communities: [
    community('220103011001', '长德社区'), community('220103011002', '德盛社区')] },
  { code: '220103013000', name: '新广街道', nameEn: 'Xinguang Subdistrict', communities: [
    community('220103013001', '新广社区'), community('220103013002', '广源社区')] },
  { code: '220103014000', name: '新隆街道', nameEn: 'Xinlong Subdistrict', communities: [
    community('220103014001', '新隆社区'), community('220103014002', '隆盛社区')] },
  { code: '220103015000', name: '长新街道', nameEn: 'Changxin Subdistrict', communities: [
    community('220103015001', '长新社区'), community('220103015002', '新阳社区')] },
  { code: '220103100000', name: '兰家镇', nameEn: 'Lanjia Town', communities: [
    community('220103100201', '兰家村'), community('220103100202', '太平村')] },
  { code: '220103101000', name: '米沙子镇', nameEn: 'Mishazi Town', communities: [
    community('220103101001', '米沙子社区'), community('220103101201', '米沙子村'), community('220103101202', '富民村')] },
  { code: '220103102000', name: '万宝镇', nameEn: 'Wanbao Town', communities: [
    community('220103102201', '万宝村'), community('220103102202', '丰收村')] },
  { code: '220103171000', name: '合隆镇', nameEn: 'Helong Town', communities: [
    community('220103171201', '合隆村'), community('220103171202', '陈家村')] },
];

/** Copies the department list so that no two districts share (and can mutate) one array. */
function departments(): DepartmentSeed[] {
  return DEMO_DEPARTMENTS.map((department) => ({ ...department }));
}

export const DEMO_DISTRICTS: DistrictSeed[] = [
  { code: '220106', name: '绿园区', nameEn: 'Lüyuan District', abbr: 'LY', streets: LVYUAN_STREETS, departments: departments() },
  { code: '220105', name: '二道区', nameEn: 'Erdao District', abbr: 'ED', streets: ERDAO_STREETS, departments: departments() },
  { code: '220103', name: '宽城区', nameEn: 'Kuancheng District', abbr: 'KC', streets: KUANCHENG_STREETS, departments: departments() },
];
