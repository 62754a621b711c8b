/**
 * The project lifecycle as data: Jilin's 5 stages and their nodes (reference/enterprise-policy.md §8).
 * Stages ①–③ and their 14 nodes are the published list; the 6 nodes of ④–⑤ are not public and are our
 * placeholders (`provisional`), kept in the database so an admin can replace them.
 */
export interface LifecycleNode {
  code: string;
  name: string;
  nameEn: string;
  /** A stage advances only when its required nodes are done. */
  required: boolean;
  /** Natural days the node usually takes, used by the backward schedule. */
  durationDays: number;
  provisional?: boolean;
}

export interface LifecycleStage {
  code: string;
  name: string;
  nameEn: string;
  nodes: LifecycleNode[];
}

/** Node codes the four rates and 入库纳统 read; an edited lifecycle must keep them. */
export const KEY_NODES = { signed: 'contract_signed', started: 'construction_started', registered: 'statistics_registered' } as const;

const node = (code: string, name: string, nameEn: string, durationDays: number, provisional = false): LifecycleNode =>
  ({ code, name, nameEn, required: true, durationDays, ...(provisional ? { provisional } : {}) });

export const DEFAULT_LIFECYCLE: readonly LifecycleStage[] = [
  { code: 'investment_landing', name: '招商落地', nameEn: 'Investment landing', nodes: [
    node(KEY_NODES.signed, '项目签约', 'Contract signed', 30), node('company_registered', '公司注册', 'Company registered', 15),
    node('site_selected', '选址定地', 'Site selected', 30), node('funds_in_place', '资金到位', 'Funds in place', 30),
  ] },
  { code: 'preliminary_approval', name: '前期审批', nameEn: 'Preliminary approvals', nodes: [
    node('project_approved', '项目立项', 'Project approved', 20), node('eia_approved', '环境评价', 'Environmental assessment', 30),
    node('energy_reviewed', '节能审查', 'Energy review', 20), node('planning_permit', '用地/工程规划许可', 'Land and planning permits', 30),
    node('construction_permit', '施工许可', 'Construction permit', 15),
  ] },
  { code: 'construction_start', name: '开工入统', nameEn: 'Construction and registration', nodes: [
    node('land_cleared', '征地拆迁', 'Land acquisition and clearance', 60), node('tender_awarded', '工程招标', 'Works tendered', 30),
    node('utilities_connected', '用水用电手续', 'Water and power connections', 20), node(KEY_NODES.started, '开工建设', 'Construction started', 10),
    node(KEY_NODES.registered, '投资入统', 'Statistical registration', 30),
  ] },
  { code: 'completion_acceptance', name: '竣工验收', nameEn: 'Completion acceptance', nodes: [
    node('special_acceptances', '专项验收', 'Special acceptances', 30, true), node('completion_filed', '竣工验收备案', 'Completion filed', 15, true),
  ] },
  { code: 'operation', name: '投产达效', nameEn: 'In production', nodes: [
    node('equipment_installed', '设备安装调试', 'Equipment installed', 60, true), node('trial_production', '试生产', 'Trial production', 60, true),
    node('production_started', '正式投产', 'Production started', 30, true), node('design_capacity', '达产达效', 'Design capacity reached', 180, true),
  ] },
];

/** The index of a stage in the lifecycle, or −1. */
export function stageIndex(lifecycle: readonly LifecycleStage[], stageCode: string): number {
  return lifecycle.findIndex((stage) => stage.code === stageCode);
}
