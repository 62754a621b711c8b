/** The project registry's vocabulary (DESIGN §6): types, plan-list levels and a node as the rules see it. */
export const PROJECT_TYPES = ['industry', 'infrastructure', 'public'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

/** 年度计划: the 省/市/区 重点项目 list a project is on for a year. */
export const PLAN_LEVELS = ['province', 'city', 'district'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/** A calendar day 'YYYY-MM-DD' (Asia/Shanghai); a month 'YYYY-MM'. */
export type Ymd = string;
export type Ym = string;

/** One node of one project: its place in the lifecycle and its dates. */
export interface ProjectNodeState {
  nodeCode: string;
  stageCode: string;
  required: boolean;
  plannedDate: Ymd | null;
  actualDate: Ymd | null;
}

/** 红旗 done, 黑旗 past its planned date and not done, none otherwise. */
export type NodeFlag = 'red' | 'black' | 'none';

/** Traffic light (红黄绿灯) against a target or the time progress. */
export type TrafficLight = 'green' | 'amber' | 'red';
