/**
 * The demo 政务服务事项清单 of a district 政务服务中心: 30 items as districts publish them, with
 * plausible limits in working days. The 法定时限 follow the law where one sets it (行政许可法 第四十二条
 * 20 days as the default, 取水许可 45, 社会团体登记 60, 法律援助 7); the 承诺时限 follow the districts'
 * practice of compressing them by well over half. The numbers are ours; a real district imports its
 * own list (POST /api/v1/service-items/import).
 */
import type { ServiceItem } from '../../domain/applications/index.ts';

type Row = [code: string, name: string, departmentCode: string, kind: ServiceItem['kind'], legal: number, promised: number, materials: string[], tolerance?: boolean, fee?: number];

const ID = '申请人身份证明';
const LICENCE = '营业执照';

const ROWS: Row[] = [
  ['SCJG-01', '企业设立登记', 'scjg', 'promised', 15, 1, ['公司登记（备案）申请书', '公司章程', ID, '住所使用证明']],
  ['SCJG-02', '个体工商户设立登记', 'scjg', 'on_the_spot', 15, 0, ['个体工商户登记申请书', ID, '经营场所证明']],
  ['SCJG-03', '企业变更登记', 'scjg', 'promised', 15, 1, ['变更登记申请书', '股东会决议', LICENCE], true],
  ['SCJG-04', '企业简易注销登记', 'scjg', 'promised', 20, 3, ['简易注销登记申请书', '全体投资人承诺书', LICENCE]],
  ['SCJG-05', '食品经营许可（新办）', 'scjg', 'promised', 20, 5, ['食品经营许可申请书', LICENCE, '经营场所平面图', '食品安全管理制度'], true],
  ['SCJG-06', '食品经营许可（变更）', 'scjg', 'promised', 20, 3, ['变更申请书', '食品经营许可证正副本'], true],
  ['SCJG-07', '第二类医疗器械经营备案', 'scjg', 'on_the_spot', 0, 0, ['备案表', LICENCE, '经营场所证明']],
  ['ZJJ-01', '建筑工程施工许可证核发', 'zjj', 'promised', 7, 3, ['施工许可申请表', '建设工程规划许可证', '中标通知书', '施工合同', '质量安全监督手续'], true],
  ['ZJJ-02', '商品房预售许可', 'zjj', 'promised', 20, 7, ['预售许可申请表', '建设工程规划许可证', '施工许可证', '预售方案']],
  ['ZJJ-03', '建设工程竣工验收备案', 'zjj', 'promised', 15, 5, ['竣工验收备案表', '竣工验收报告', '消防验收意见']],
  ['ZJJ-04', '房屋租赁登记备案', 'zjj', 'on_the_spot', 3, 0, ['房屋租赁合同', '房屋权属证明', ID]],
  ['STHJ-01', '建设项目环境影响报告表审批', 'sthj', 'promised', 30, 10, ['环评审批申请', '环境影响报告表', '公众参与说明']],
  ['STHJ-02', '排污许可证核发', 'sthj', 'promised', 20, 10, ['排污许可申请表', '自行监测方案', LICENCE]],
  ['CGJ-01', '城市建筑垃圾处置核准', 'cgj', 'promised', 20, 5, ['处置核准申请表', '运输车辆清单', '消纳场所证明']],
  ['CGJ-02', '设置大型户外广告审批', 'cgj', 'promised', 20, 5, ['设置申请表', '设计效果图', '场地使用证明', '结构安全报告']],
  ['CGJ-03', '临时占用城市道路审批', 'cgj', 'promised', 20, 3, ['占道申请表', '占道平面示意图', ID], true],
  ['CGJ-04', '城市道路挖掘许可', 'cgj', 'promised', 20, 5, ['挖掘申请表', '施工方案', '交通疏导方案']],
  ['JTJ-01', '道路货物运输经营许可', 'jtj', 'promised', 20, 10, ['经营申请表', '车辆行驶证', '驾驶员从业资格证', '安全生产管理制度']],
  ['SWJ-01', '取水许可', 'swj', 'promised', 45, 20, ['取水申请书', '建设项目水资源论证报告']],
  ['SWJ-02', '生产建设项目水土保持方案审批', 'swj', 'promised', 20, 10, ['审批申请', '水土保持方案报告书']],
  ['RSJ-01', '就业创业证申领', 'rsj', 'on_the_spot', 5, 0, ['就业创业证申请表', ID]],
  ['RSJ-02', '劳务派遣经营许可', 'rsj', 'promised', 20, 10, ['劳务派遣经营许可申请书', LICENCE, '经营场所证明', '劳务派遣管理制度'], false, 0],
  ['RSJ-03', '失业保险金申领', 'rsj', 'promised', 10, 3, ['失业保险金申领表', '解除劳动关系证明', ID]],
  ['MZJ-01', '社会团体成立登记', 'mzj', 'promised', 60, 20, ['成立登记申请书', '章程草案', '验资报告', '住所使用证明']],
  ['MZJ-02', '养老机构备案', 'mzj', 'on_the_spot', 0, 0, ['备案书', '登记证书', '服务场所证明']],
  ['YJJ-01', '危险化学品经营许可（不带储存）', 'yjj', 'promised', 30, 10, ['经营许可申请书', '安全管理制度', '经营场所证明', '安全管理人员资格证']],
  ['YJJ-02', '烟花爆竹经营（零售）许可', 'yjj', 'promised', 20, 5, ['零售许可申请书', '零售场所平面图', '安全培训合格证明']],
  ['SFJ-01', '法律援助申请', 'sfj', 'promised', 7, 3, ['法律援助申请表', ID, '经济困难状况说明表']],
  ['FGJ-01', '企业投资项目备案', 'fgj', 'on_the_spot', 3, 0, ['项目备案信息表', LICENCE]],
  ['YSHJ-01', '工程建设项目竣工联合验收', 'yshj', 'joint', 20, 10, ['联合验收申请表', '竣工图', '各专项验收资料'], true],
];

export const DEMO_SERVICE_ITEMS: ServiceItem[] = ROWS.map(([code, name, departmentCode, kind, legal, promised, materials, tolerance, fee]) => ({
  code, name, departmentCode, kind, legalLimitDays: legal, promisedLimitDays: promised, materials, feeYuan: fee ?? 0, toleranceAllowed: tolerance ?? false,
}));
