/**
 * Demo case categories with their default department and time limits, as data.
 *
 * Sources for the numbers: DESIGN.md §4.3 and reference/domain.md §1c, §1d (数字城管 local
 * 立案结案标准) and §2 (12345). Where a number is our choice, the line says so. A district
 * changes these as data (admin), never in code.
 */
import type { TimeLimit } from '../../domain/calendar/index.ts';
import type { CaseKind } from '../../domain/case/index.ts';

// One definition of the case kinds (src/domain/case/case-model.ts), re-exported for seed users.
export type { CaseKind };

export interface CategorySeed {
  /** Unique: 'E'/'C' + major + minor for 数字城管; kind letter + running number otherwise. */
  code: string;
  kind: CaseKind;
  majorCode: string; majorName: string; majorNameEn: string;
  minorCode: string; minorName: string; minorNameEn: string;
  /** Default department (a DepartmentSeed.code). */
  departmentCode: string;
  /** True → the grid's street (属地) handles it instead of the department. */
  handledByStreet: boolean;
  dispatchLimit: TimeLimit; signLimit: TimeLimit; resolveLimit: TimeLimit;
  /** Grid workers may fix it on the spot (自行处置). */
  selfHandleAllowed: boolean;
  /** Radius for duplicate offers; 0 = not compared by place (tied to an enterprise or project). */
  duplicateRadiusMeters: number;
  urgent?: boolean;
}

const wh = (amount: number): TimeLimit => ({ amount, unit: 'working_hours' });
const wd = (amount: number): TimeLimit => ({ amount, unit: 'working_days' });
const ch = (amount: number): TimeLimit => ({ amount, unit: 'clock_hours' });

interface Major { kind: CaseKind; majorCode: string; majorName: string; majorNameEn: string }

/** One 小类: what differs from the defaults. */
interface Minor {
  code?: string; // given for kinds whose code is a running number (H01, Q01…)
  minorCode: string; minorName: string; minorNameEn: string;
  departmentCode: string;
  resolveLimit: TimeLimit;
  handledByStreet?: boolean;
  selfHandleAllowed?: boolean;
  duplicateRadiusMeters?: number;
  urgent?: boolean;
  clockDispatchAndSign?: boolean; // 7×24 units: dispatch and sign on clock time
}

// 福州 rule (domain.md §1c): 立案派遣 ≤ 1 working hour, 接收 ≤ 1 working hour. Urgent and
// 7×24 categories (emergencies, utilities) run those steps on clock time instead.
function defineMinors(major: Major, prefix: 'E' | 'C' | null, minors: Minor[]): CategorySeed[] {
  return minors.map(({ code, clockDispatchAndSign, urgent, ...minor }) => {
    const onClock = urgent === true || clockDispatchAndSign === true;
    return {
      code: code ?? `${prefix ?? ''}${major.majorCode}${minor.minorCode}`,
      ...major,
      ...minor,
      handledByStreet: minor.handledByStreet ?? false,
      dispatchLimit: onClock ? ch(1) : wh(1),
      signLimit: onClock ? ch(1) : wh(1),
      selfHandleAllowed: minor.selfHandleAllowed ?? false,
      duplicateRadiusMeters: minor.duplicateRadiusMeters ?? 50,
      ...(urgent ? { urgent: true } : {}),
    };
  });
}

// ── 数字城管 事件 (events) ────────────────────────────────────────────────────────────
const ev = (majorCode: string, majorName: string, majorNameEn: string): Major =>
  ({ kind: 'event', majorCode, majorName, majorNameEn });

const EVENTS: CategorySeed[] = [
  ...defineMinors(ev('01', '市容环境', 'Urban appearance and environment'), 'E', [
    // 拆除 20 working days; 停工 (4 h) and 处罚 (7 days) are steps inside the same case.
    { minorCode: '01', minorName: '私搭乱建', minorNameEn: 'Illegal structure', departmentCode: 'cgj', resolveLimit: wd(20) },
    { minorCode: '02', minorName: '暴露垃圾', minorNameEn: 'Exposed garbage', departmentCode: 'cgj', resolveLimit: wh(4), selfHandleAllowed: true },
    // 渣土 2 working days; yards and back lanes are cleaned by the street (属地).
    { minorCode: '03', minorName: '积存垃圾渣土', minorNameEn: 'Accumulated garbage and muck', departmentCode: 'cgj', resolveLimit: wd(2), handledByStreet: true },
    { minorCode: '04', minorName: '道路不洁', minorNameEn: 'Dirty road surface', departmentCode: 'cgj', resolveLimit: wh(5) },
    // A river bank is long: reports 200 m apart are often the same stretch.
    { minorCode: '05', minorName: '水域不洁', minorNameEn: 'Dirty water body', departmentCode: 'swj', resolveLimit: wd(15), duplicateRadiusMeters: 200 },
    { minorCode: '06', minorName: '绿地脏乱', minorNameEn: 'Littered green space', departmentCode: 'ylj', resolveLimit: wh(4), selfHandleAllowed: true },
    // Our choice: same limit as 渣土.
    { minorCode: '07', minorName: '乱堆物堆料', minorNameEn: 'Piled goods and materials', departmentCode: 'cgj', resolveLimit: wd(2), handledByStreet: true },
    // Issue 14 extension (GB/T 30428.2 lineage 市容环境 小类); limits are our choice unless noted.
    { minorCode: '08', minorName: '乱涂乱画', minorNameEn: 'Graffiti', departmentCode: 'cgj', resolveLimit: wd(1), handledByStreet: true, selfHandleAllowed: true },
    { minorCode: '09', minorName: '焚烧垃圾树叶', minorNameEn: 'Burning rubbish or leaves', departmentCode: 'sthj', resolveLimit: wh(4) },
    { minorCode: '10', minorName: '动物尸体', minorNameEn: 'Dead animal', departmentCode: 'cgj', resolveLimit: wh(4), selfHandleAllowed: true },
    { minorCode: '11', minorName: '垃圾满溢', minorNameEn: 'Overflowing bins', departmentCode: 'cgj', resolveLimit: wh(4) },
  ]),
  ...defineMinors(ev('02', '宣传广告', 'Publicity and advertising'), 'E', [
    // Our choice: 1 working day; the street's cleaners remove them, a grid worker may on the spot.
    { minorCode: '01', minorName: '非法小广告', minorNameEn: 'Illegal flyers and stickers', departmentCode: 'cgj', resolveLimit: wd(1), handledByStreet: true, selfHandleAllowed: true },
    { minorCode: '02', minorName: '违规户外广告', minorNameEn: 'Non-compliant outdoor advertising', departmentCode: 'cgj', resolveLimit: wd(5) },
    { minorCode: '03', minorName: '违规悬挂横幅', minorNameEn: 'Unauthorised banner', departmentCode: 'cgj', resolveLimit: wh(4), selfHandleAllowed: true },
    { minorCode: '04', minorName: '流动广告车', minorNameEn: 'Mobile advertising vehicle', departmentCode: 'cgj', resolveLimit: wh(4) },
  ]),
  ...defineMinors(ev('03', '施工管理', 'Construction management'), 'E', [
    // A building site is large: 200 m covers one site's complaints.
    { minorCode: '01', minorName: '施工扰民', minorNameEn: 'Construction disturbing residents', departmentCode: 'zjj', resolveLimit: wd(1), duplicateRadiusMeters: 200 },
    { minorCode: '02', minorName: '工地扬尘', minorNameEn: 'Construction-site dust', departmentCode: 'zjj', resolveLimit: wd(1), duplicateRadiusMeters: 200 },
    { minorCode: '03', minorName: '施工占道', minorNameEn: 'Construction occupying the road', departmentCode: 'cgj', resolveLimit: wd(1), duplicateRadiusMeters: 100 },
    { minorCode: '04', minorName: '道路遗撒', minorNameEn: 'Spillage from vehicles', departmentCode: 'cgj', resolveLimit: wh(4), duplicateRadiusMeters: 100 },
    // Night work without a permit: the site must stop the same night, hence 4 working hours at the latest.
    { minorCode: '05', minorName: '夜间违规施工', minorNameEn: 'Night-time construction without permit', departmentCode: 'zjj', resolveLimit: wh(4), duplicateRadiusMeters: 200 },
    { minorCode: '06', minorName: '工地围挡破损', minorNameEn: 'Damaged site hoarding', departmentCode: 'zjj', resolveLimit: wd(2), duplicateRadiusMeters: 200 },
  ]),
  ...defineMinors(ev('04', '街面秩序', 'Street order'), 'E', [
    { minorCode: '01', minorName: '占道经营', minorNameEn: 'Street vending on the road', departmentCode: 'cgj', resolveLimit: wd(1) },
    { minorCode: '02', minorName: '无照经营', minorNameEn: 'Unlicensed business', departmentCode: 'scjg', resolveLimit: wd(5) },
    { minorCode: '03', minorName: '店外经营', minorNameEn: 'Trading outside the shop front', departmentCode: 'cgj', resolveLimit: wd(1) },
    { minorCode: '04', minorName: '流浪乞讨', minorNameEn: 'Vagrancy and begging', departmentCode: 'mzj', resolveLimit: wd(1) },
    { minorCode: '05', minorName: '露天烧烤', minorNameEn: 'Open-air barbecue', departmentCode: 'cgj', resolveLimit: wh(4) },
    { minorCode: '06', minorName: '非机动车乱停放', minorNameEn: 'Badly parked bicycles', departmentCode: 'cgj', resolveLimit: wh(4), selfHandleAllowed: true },
    { minorCode: '07', minorName: '餐饮油烟', minorNameEn: 'Restaurant cooking fumes', departmentCode: 'sthj', resolveLimit: wd(5) },
    // Parking on the road is enforced by the traffic police (交警, part of 公安).
    { minorCode: '08', minorName: '机动车乱停放', minorNameEn: 'Badly parked motor vehicles', departmentCode: 'gaj', resolveLimit: wh(4) },
    { minorCode: '09', minorName: '占道洗车修车', minorNameEn: 'Car washing or repair on the road', departmentCode: 'cgj', resolveLimit: wd(1) },
    { minorCode: '10', minorName: '不文明养犬', minorNameEn: 'Uncontrolled dogs', departmentCode: 'gaj', resolveLimit: wd(3) },
  ]),
  ...defineMinors(ev('05', '突发事件', 'Emergencies'), 'E', [
    // DESIGN §4.3: 4 working hours (not urgent: it is usually pumped by the next shift).
    { minorCode: '01', minorName: '道路积水', minorNameEn: 'Road waterlogging', departmentCode: 'swj', resolveLimit: wh(4), duplicateRadiusMeters: 100 },
    // Urgent ones: "resolve" means made safe (fenced, shut off); repair may follow as its own case.
    { minorCode: '02', minorName: '路面塌陷', minorNameEn: 'Road surface collapse', departmentCode: 'cgj', resolveLimit: ch(4), urgent: true },
    // Same 24 clock hours as a 12345 水电气热 request.
    { minorCode: '03', minorName: '供水管道破裂', minorNameEn: 'Burst water main', departmentCode: 'swj', resolveLimit: ch(24), urgent: true, duplicateRadiusMeters: 100 },
    // Listed as an event (not the 部件 C01xx) because the first job is covering the hole: 2 clock hours.
    { minorCode: '04', minorName: '井盖缺失', minorNameEn: 'Missing manhole cover', departmentCode: 'cgj', resolveLimit: ch(2), urgent: true },
    { minorCode: '05', minorName: '树木倒伏', minorNameEn: 'Fallen tree', departmentCode: 'ylj', resolveLimit: ch(4), urgent: true },
    // 长春 winters: our choice of 1 working day after snowfall for a cleared, gritted road.
    { minorCode: '06', minorName: '道路积雪结冰', minorNameEn: 'Snow and ice on the road', departmentCode: 'cgj', resolveLimit: wd(1), duplicateRadiusMeters: 100 },
    { minorCode: '07', minorName: '排水管道堵塞', minorNameEn: 'Blocked or overflowing drain', departmentCode: 'swj', resolveLimit: ch(24), duplicateRadiusMeters: 100 },
  ]),
  ...defineMinors(ev('06', '其他事件', 'Other events'), 'E', [
    { minorCode: '01', minorName: '其他事件', minorNameEn: 'Other event', departmentCode: 'zhzx', resolveLimit: wd(5) },
    { minorCode: '02', minorName: '噪声扰民', minorNameEn: 'Neighbourhood noise', departmentCode: 'gaj', resolveLimit: wd(1), duplicateRadiusMeters: 100 },
  ]),
];

// ── 数字城管 部件 (components): a damaged, missing or displaced facility ───────────────
const co = (majorCode: string, majorName: string, majorNameEn: string): Major =>
  ({ kind: 'component', majorCode, majorName, majorNameEn });

// Our choice: 1 working day for a cracked or displaced cover (a missing one is urgent E0504).
// Departments supervise the owners: water 水务, power 发改 (energy), gas 住建, heat 供热办.
const COMPONENTS: CategorySeed[] = [
  ...defineMinors(co('01', '公用设施', 'Public utilities'), 'C', [
    { minorCode: '01', minorName: '上水井盖', minorNameEn: 'Water-supply manhole cover', departmentCode: 'swj', resolveLimit: wd(1) },
    { minorCode: '02', minorName: '污水井盖', minorNameEn: 'Sewage manhole cover', departmentCode: 'swj', resolveLimit: wd(1) },
    { minorCode: '03', minorName: '雨水井盖', minorNameEn: 'Stormwater manhole cover', departmentCode: 'swj', resolveLimit: wd(1) },
    { minorCode: '04', minorName: '电力井盖', minorNameEn: 'Power manhole cover', departmentCode: 'fgj', resolveLimit: wd(1) },
    { minorCode: '05', minorName: '燃气井盖', minorNameEn: 'Gas manhole cover', departmentCode: 'zjj', resolveLimit: wd(1) },
    { minorCode: '06', minorName: '热力井盖', minorNameEn: 'District-heating manhole cover', departmentCode: 'grb', resolveLimit: wd(1) },
    { minorCode: '07', minorName: '路灯', minorNameEn: 'Street lamp', departmentCode: 'cgj', resolveLimit: wd(3) },
    { minorCode: '08', minorName: '变压器', minorNameEn: 'Transformer', departmentCode: 'fgj', resolveLimit: wd(3) },
    { minorCode: '09', minorName: '消防栓', minorNameEn: 'Fire hydrant', departmentCode: 'yjj', resolveLimit: wd(3) },
    { minorCode: '10', minorName: '通信井盖', minorNameEn: 'Telecom manhole cover', departmentCode: 'fgj', resolveLimit: wd(1) },
    { minorCode: '11', minorName: '报刊亭', minorNameEn: 'News kiosk', departmentCode: 'cgj', resolveLimit: wd(3) },
  ]),
  ...defineMinors(co('02', '道路交通', 'Roads and traffic'), 'C', [
    { minorCode: '01', minorName: '护栏', minorNameEn: 'Guardrail', departmentCode: 'jtj', resolveLimit: wd(3) },
    // Traffic police (交警) are part of 公安.
    { minorCode: '02', minorName: '交通标志牌', minorNameEn: 'Traffic sign', departmentCode: 'gaj', resolveLimit: wd(3) },
    { minorCode: '03', minorName: '公交站亭', minorNameEn: 'Bus shelter', departmentCode: 'jtj', resolveLimit: wd(3) },
    // Place names (地名) are 民政's remit.
    { minorCode: '04', minorName: '路名牌', minorNameEn: 'Street-name sign', departmentCode: 'mzj', resolveLimit: wd(5) },
    { minorCode: '05', minorName: '交通信号灯', minorNameEn: 'Traffic light', departmentCode: 'gaj', resolveLimit: wd(1) },
    { minorCode: '06', minorName: '过街天桥', minorNameEn: 'Pedestrian bridge', departmentCode: 'jtj', resolveLimit: wd(5) },
    { minorCode: '07', minorName: '人行道板', minorNameEn: 'Pavement slabs', departmentCode: 'cgj', resolveLimit: wd(3) },
    { minorCode: '08', minorName: '道路路面', minorNameEn: 'Road surface (potholes)', departmentCode: 'jtj', resolveLimit: wd(5) },
  ]),
  ...defineMinors(co('03', '市容环境', 'Urban appearance'), 'C', [
    { minorCode: '01', minorName: '公厕', minorNameEn: 'Public toilet', departmentCode: 'cgj', resolveLimit: wd(1) },
    { minorCode: '02', minorName: '垃圾箱/果皮箱', minorNameEn: 'Litter bin', departmentCode: 'cgj', resolveLimit: wd(1) },
    { minorCode: '03', minorName: '广告牌匾', minorNameEn: 'Shop signboard', departmentCode: 'cgj', resolveLimit: wd(3) },
    { minorCode: '04', minorName: '垃圾楼', minorNameEn: 'Refuse transfer station', departmentCode: 'cgj', resolveLimit: wd(1) },
  ]),
  ...defineMinors(co('04', '园林绿化', 'Landscaping and greening'), 'C', [
    { minorCode: '01', minorName: '行道树', minorNameEn: 'Street tree', departmentCode: 'ylj', resolveLimit: wd(3) },
    // 绿地养护 5 working days (domain.md §1d).
    { minorCode: '02', minorName: '绿地', minorNameEn: 'Green space', departmentCode: 'ylj', resolveLimit: wd(5) },
    { minorCode: '03', minorName: '古树名木', minorNameEn: 'Heritage tree', departmentCode: 'ylj', resolveLimit: wd(3) },
  ]),
  ...defineMinors(co('05', '房屋土地', 'Buildings and land'), 'C', [
    { minorCode: '01', minorName: '危房', minorNameEn: 'Dangerous building', departmentCode: 'zjj', resolveLimit: wd(3) },
  ]),
  ...defineMinors(co('06', '其他设施', 'Other facilities'), 'C', [
    { minorCode: '01', minorName: '人防工事', minorNameEn: 'Civil air-defence works', departmentCode: 'zjj', resolveLimit: wd(5) },
    // Community fitness equipment is looked after by the street; 指挥中心 only when outside grids.
    { minorCode: '02', minorName: '健身设施', minorNameEn: 'Outdoor fitness equipment', departmentCode: 'zhzx', resolveLimit: wd(5), handledByStreet: true },
  ]),
];

// ── 12345 hotline requests (citizen_request) ────────────────────────────────────────
// Limits: Beijing 接诉即办 规范 (紧急 2 h, 水电气热 24 h, 一般 7 天, 复杂疑难 15 天) and a
// generic city rule (咨询 3 working days, 投诉举报/建议 13 working days), domain.md §2.
const hl = (majorCode: string, majorName: string, majorNameEn: string): Major =>
  ({ kind: 'citizen_request', majorCode, majorName, majorNameEn });

const HOTLINE: CategorySeed[] = [
  ...defineMinors(hl('01', '紧急诉求', 'Emergency'), null, [
    { code: 'H01', minorCode: '01', minorName: '危及人身财产安全', minorNameEn: 'Danger to life or property', departmentCode: 'yjj', resolveLimit: ch(2), urgent: true },
  ]),
  // Utilities run 7×24, so their units dispatch and sign on clock time too.
  ...defineMinors(hl('02', '水电气热', 'Water, power, gas and heating'), null, [
    { code: 'H02', minorCode: '01', minorName: '供水', minorNameEn: 'Water supply', departmentCode: 'swj', resolveLimit: ch(24), clockDispatchAndSign: true },
    { code: 'H03', minorCode: '02', minorName: '供电', minorNameEn: 'Power supply', departmentCode: 'fgj', resolveLimit: ch(24), clockDispatchAndSign: true },
    { code: 'H04', minorCode: '03', minorName: '燃气', minorNameEn: 'Gas supply', departmentCode: 'zjj', resolveLimit: ch(24), clockDispatchAndSign: true },
    // In 长春 the heating season (Oct–Apr) makes this the busiest hotline topic.
    { code: 'H05', minorCode: '04', minorName: '供热', minorNameEn: 'Heating', departmentCode: 'grb', resolveLimit: ch(24), clockDispatchAndSign: true },
  ]),
  // "一般 7 天" does not say which days; we read it as 7 working days (the generous reading)
  // and a district that wants calendar days can tighten it as data.
  ...defineMinors(hl('03', '一般诉求', 'General request'), null, [
    { code: 'H06', minorCode: '01', minorName: '一般求助', minorNameEn: 'General request for help', departmentCode: 'zhzx', resolveLimit: wd(7), handledByStreet: true },
  ]),
  ...defineMinors(hl('04', '复杂疑难', 'Complex request'), null, [
    { code: 'H07', minorCode: '01', minorName: '复杂疑难诉求', minorNameEn: 'Complex or long-standing request', departmentCode: 'zhzx', resolveLimit: wd(15) },
  ]),
  // An enquiry or a suggestion has no spot to compare by: radius 0.
  ...defineMinors(hl('05', '咨询', 'Enquiry'), null, [
    { code: 'H08', minorCode: '01', minorName: '政策咨询', minorNameEn: 'Policy enquiry', departmentCode: 'zhzx', resolveLimit: wd(3), duplicateRadiusMeters: 0 },
  ]),
  ...defineMinors(hl('06', '投诉举报', 'Complaint and report'), null, [
    { code: 'H09', minorCode: '01', minorName: '投诉', minorNameEn: 'Complaint', departmentCode: 'zhzx', resolveLimit: wd(13) },
    { code: 'H10', minorCode: '02', minorName: '举报', minorNameEn: 'Report of wrongdoing', departmentCode: 'zhzx', resolveLimit: wd(13) },
  ]),
  ...defineMinors(hl('07', '意见建议', 'Suggestion'), null, [
    { code: 'H11', minorCode: '01', minorName: '意见建议', minorNameEn: 'Suggestion', departmentCode: 'zhzx', resolveLimit: wd(13), duplicateRadiusMeters: 0 },
  ]),
  // Issue 14: the common 12345 request types, each with the unit that answers it. Complaints keep the
  // 13-working-day complaint limit unless the matter cannot wait (wages, elevators, noise at night).
  ...defineMinors(hl('08', '市场监管', 'Market regulation'), null, [
    { code: 'H12', minorCode: '01', minorName: '消费纠纷', minorNameEn: 'Consumer dispute', departmentCode: 'scjg', resolveLimit: wd(13), duplicateRadiusMeters: 0 },
    { code: 'H13', minorCode: '02', minorName: '食品安全', minorNameEn: 'Food safety', departmentCode: 'scjg', resolveLimit: wd(5) },
    { code: 'H14', minorCode: '03', minorName: '价格投诉', minorNameEn: 'Pricing complaint', departmentCode: 'scjg', resolveLimit: wd(13), duplicateRadiusMeters: 0 },
    // Elevators are special equipment (特种设备), supervised by 市场监管; people may be stuck: clock time.
    { code: 'H15', minorCode: '04', minorName: '电梯故障', minorNameEn: 'Broken elevator', departmentCode: 'scjg', resolveLimit: ch(24), clockDispatchAndSign: true },
  ]),
  ...defineMinors(hl('09', '劳动保障', 'Labour and social security'), null, [
    { code: 'H16', minorCode: '01', minorName: '拖欠工资', minorNameEn: 'Unpaid wages', departmentCode: 'rsj', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
    { code: 'H17', minorCode: '02', minorName: '社保医保咨询', minorNameEn: 'Social and medical insurance enquiry', departmentCode: 'rsj', resolveLimit: wd(3), duplicateRadiusMeters: 0 },
  ]),
  ...defineMinors(hl('10', '住房物业', 'Housing and property management'), null, [
    { code: 'H18', minorCode: '01', minorName: '物业服务', minorNameEn: 'Property-management service', departmentCode: 'zjj', resolveLimit: wd(7), handledByStreet: true },
    { code: 'H19', minorCode: '02', minorName: '房屋漏水', minorNameEn: 'Leaking building', departmentCode: 'zjj', resolveLimit: wd(7) },
  ]),
  // Noise by source: each source has its own enforcer. Construction noise is the event E0301.
  ...defineMinors(hl('11', '噪声污染', 'Noise'), null, [
    { code: 'H20', minorCode: '01', minorName: '社会生活噪声', minorNameEn: 'Noise from shops, squares and neighbours', departmentCode: 'gaj', resolveLimit: wd(1), duplicateRadiusMeters: 100 },
    { code: 'H21', minorCode: '02', minorName: '交通噪声', minorNameEn: 'Traffic noise', departmentCode: 'jtj', resolveLimit: wd(13), duplicateRadiusMeters: 200 },
    { code: 'H22', minorCode: '03', minorName: '工业噪声', minorNameEn: 'Industrial noise', departmentCode: 'sthj', resolveLimit: wd(5), duplicateRadiusMeters: 200 },
  ]),
  ...defineMinors(hl('12', '环境污染', 'Pollution'), null, [
    { code: 'H23', minorCode: '01', minorName: '异味废气', minorNameEn: 'Odour and exhaust fumes', departmentCode: 'sthj', resolveLimit: wd(5), duplicateRadiusMeters: 200 },
    { code: 'H24', minorCode: '02', minorName: '污水排放', minorNameEn: 'Sewage discharge', departmentCode: 'sthj', resolveLimit: wd(5), duplicateRadiusMeters: 200 },
  ]),
  ...defineMinors(hl('13', '交通出行', 'Transport'), null, [
    { code: 'H25', minorCode: '01', minorName: '公交线路', minorNameEn: 'Bus routes and service', departmentCode: 'jtj', resolveLimit: wd(13), duplicateRadiusMeters: 0 },
    { code: 'H26', minorCode: '02', minorName: '出租车网约车', minorNameEn: 'Taxi and ride-hailing', departmentCode: 'jtj', resolveLimit: wd(13), duplicateRadiusMeters: 0 },
  ]),
];

// ── Enterprise demands, safety, disputes, projects, rectification, policies ─────────
const majorOf = (kind: CaseKind) => (majorCode: string, majorName: string, majorNameEn: string): Major =>
  ({ kind, majorCode, majorName, majorNameEn });

// Enterprise demands are tied to an enterprise, not a spot (radius 0). Our choice: 5 working
// days, tighter than a 12345 general request, since each enterprise has a 包保 leader.
const enterprise = majorOf('enterprise_demand');
const ENTERPRISE_DEMANDS: CategorySeed[] = [
  ...defineMinors(enterprise('01', '要素保障', 'Production factors'), null, [
    { code: 'Q01', minorCode: '01', minorName: '融资需求', minorNameEn: 'Financing', departmentCode: 'yshj', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
    { code: 'Q02', minorCode: '02', minorName: '用工需求', minorNameEn: 'Recruitment', departmentCode: 'rsj', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
    { code: 'Q03', minorCode: '03', minorName: '水电气热保障', minorNameEn: 'Utility supply', departmentCode: 'fgj', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
  ]),
  ...defineMinors(enterprise('02', '政务服务', 'Government services'), null, [
    { code: 'Q04', minorCode: '01', minorName: '审批办理', minorNameEn: 'Permits and approvals', departmentCode: 'yshj', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
  ]),
  ...defineMinors(enterprise('03', '权益保护', 'Rights protection'), null, [
    { code: 'Q05', minorCode: '01', minorName: '涉企执法投诉', minorNameEn: 'Complaint about enforcement', departmentCode: 'yshj', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
  ]),
];

const safety = majorOf('safety_hazard');
const SAFETY_HAZARDS: CategorySeed[] = [
  ...defineMinors(safety('01', '消防安全', 'Fire safety'), null, [
    // Our choice: 4 working hours; a blocked lane is cleared by the street (物业, 社区) the same day.
    { code: 'S01', minorCode: '01', minorName: '消防通道堵塞', minorNameEn: 'Blocked fire lane', departmentCode: 'yjj', resolveLimit: wh(4), handledByStreet: true },
    { code: 'S02', minorCode: '02', minorName: '电动自行车违规充电', minorNameEn: 'Unsafe e-bike charging', departmentCode: 'yjj', resolveLimit: wd(1), handledByStreet: true },
  ]),
  // A hazard, not a leak: a leak is an emergency for the gas company and 119, outside this loop.
  ...defineMinors(safety('02', '燃气安全', 'Gas safety'), null, [
    { code: 'S03', minorCode: '01', minorName: '燃气隐患', minorNameEn: 'Gas hazard', departmentCode: 'zjj', resolveLimit: wd(1) },
  ]),
  ...defineMinors(safety('03', '房屋安全', 'Building safety'), null, [
    { code: 'S04', minorCode: '01', minorName: '自建房安全隐患', minorNameEn: 'Unsafe self-built house', departmentCode: 'zjj', resolveLimit: wd(5) },
  ]),
  ...defineMinors(safety('04', '生产安全', 'Work safety'), null, [
    { code: 'S05', minorCode: '01', minorName: '企业安全生产隐患', minorNameEn: 'Work-safety hazard in an enterprise', departmentCode: 'yjj', resolveLimit: wd(5) },
  ]),
];

// Our choice: 10 working days to mediate; the street's mediation committee (调委会) does it.
const dispute = majorOf('dispute');
const DISPUTES: CategorySeed[] = [
  ...defineMinors(dispute('01', '民间纠纷', 'Civil disputes'), null, [
    { code: 'D01', minorCode: '01', minorName: '邻里纠纷', minorNameEn: 'Neighbour dispute', departmentCode: 'sfj', resolveLimit: wd(10), handledByStreet: true },
    { code: 'D02', minorCode: '02', minorName: '婚姻家庭纠纷', minorNameEn: 'Family dispute', departmentCode: 'sfj', resolveLimit: wd(10), handledByStreet: true },
  ]),
  ...defineMinors(dispute('02', '物业纠纷', 'Property-management disputes'), null, [
    { code: 'D03', minorCode: '01', minorName: '物业纠纷', minorNameEn: 'Property-management dispute', departmentCode: 'zjj', resolveLimit: wd(10), handledByStreet: true },
  ]),
  // Unpaid wages cannot wait for the mediation default: 5 working days.
  ...defineMinors(dispute('03', '劳动纠纷', 'Labour disputes'), null, [
    { code: 'D04', minorCode: '01', minorName: '劳资纠纷', minorNameEn: 'Unpaid-wage dispute', departmentCode: 'rsj', resolveLimit: wd(5) },
  ]),
];

// Project problems follow the weekly 调度: 5 working days; land and acquisition take longer.
const project = majorOf('project_problem');
const PROJECT_PROBLEMS: CategorySeed[] = [
  ...defineMinors(project('01', '要素保障', 'Production factors'), null, [
    { code: 'P01', minorCode: '01', minorName: '用地问题', minorNameEn: 'Land use', departmentCode: 'fgj', resolveLimit: wd(10), duplicateRadiusMeters: 0 },
    { code: 'P02', minorCode: '02', minorName: '水电气热接入', minorNameEn: 'Utility connection', departmentCode: 'fgj', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
    { code: 'P03', minorCode: '03', minorName: '征收拆迁', minorNameEn: 'Land acquisition and clearance', departmentCode: 'zjj', resolveLimit: wd(15), duplicateRadiusMeters: 0 },
  ]),
  ...defineMinors(project('02', '手续办理', 'Approvals'), null, [
    { code: 'P04', minorCode: '01', minorName: '审批手续', minorNameEn: 'Project approvals', departmentCode: 'yshj', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
  ]),
];

// 差评整改: 5 working days (DESIGN.md §4.5). The rectifying unit is usually the rated one;
// these defaults are where it goes when the rated unit is unknown.
const rectify = majorOf('rectification');
const RECTIFICATIONS: CategorySeed[] = [
  ...defineMinors(rectify('01', '差评整改', 'Rectification of a bad rating'), null, [
    { code: 'R01', minorCode: '01', minorName: '政务服务差评整改', minorNameEn: 'Bad rating of a government service', departmentCode: 'yshj', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
    { code: 'R02', minorCode: '02', minorName: '诉求办理差评整改', minorNameEn: 'Bad rating of a handled case', departmentCode: 'zhzx', resolveLimit: wd(5), duplicateRadiusMeters: 0 },
  ]),
];

// Our choice: 10 working days to review an application and pay or refuse.
const policy = majorOf('policy_application');
const POLICY_APPLICATIONS: CategorySeed[] = [
  ...defineMinors(policy('01', '惠企政策兑现', 'Business support policies'), null, [
    { code: 'A01', minorCode: '01', minorName: '奖补资金申请', minorNameEn: 'Subsidy or award', departmentCode: 'fgj', resolveLimit: wd(10), duplicateRadiusMeters: 0 },
    { code: 'A02', minorCode: '02', minorName: '稳岗就业补贴', minorNameEn: 'Job-retention subsidy', departmentCode: 'rsj', resolveLimit: wd(10), duplicateRadiusMeters: 0 },
    { code: 'A03', minorCode: '03', minorName: '高新技术企业奖励', minorNameEn: 'High-tech enterprise award', departmentCode: 'fgj', resolveLimit: wd(10), duplicateRadiusMeters: 0 },
  ]),
];

// 办件 (issue 13) take their limits from their service item, not from here; one category carries the kind.
const service = majorOf('service_application');
const SERVICE_APPLICATIONS: CategorySeed[] = [
  ...defineMinors(service('01', '政务服务办件', 'Service applications'), null, [
    { code: 'G01', minorCode: '01', minorName: '政务服务事项办件', minorNameEn: 'Application for a service item', departmentCode: 'yshj', resolveLimit: wd(20), duplicateRadiusMeters: 0 },
  ]),
];

export const CATEGORY_SEEDS: CategorySeed[] = [
  ...EVENTS,
  ...COMPONENTS,
  ...HOTLINE,
  ...ENTERPRISE_DEMANDS,
  ...SAFETY_HAZARDS,
  ...DISPUTES,
  ...PROJECT_PROBLEMS,
  ...RECTIFICATIONS,
  ...POLICY_APPLICATIONS,
  ...SERVICE_APPLICATIONS,
];
