/**
 * Which department a new case goes to (派遣对象的默认值), as one ordered rule used by intake and by
 * the data generator: 区兜底 first, then the street's own unit for 属地 categories, then the
 * category's department, then the district's command centre.
 */

/** The code of a district's command centre (综合指挥中心), the last resort of routing. */
export const COMMAND_CENTRE_CODE = 'zhzx';

export interface RoutingCategory {
  /** 属地: the grid's responsible unit or the street's own unit handles it. */
  handledByStreet: boolean;
  departmentCode: string;
}

export interface RoutingPlacement {
  streetId: number | null;
  responsibleDepartmentId: number | null;
  /** 区兜底: a citizen's point outside every grid goes to this (command centre) unit. */
  fallbackDepartmentId?: number | null | undefined;
}

/** One place to look, in order: a known unit, the street's own unit, or a department by code. */
export type RoutingCandidate =
  | { kind: 'unit'; departmentId: number }
  | { kind: 'street_unit'; streetId: number }
  | { kind: 'department_code'; code: string };

/**
 * The places to look for a new case's department, best first; the first that exists wins.
 * @example routingCandidates({ handledByStreet: false, departmentCode: 'cgj' }, { streetId: 3, responsibleDepartmentId: null })
 * // => [{ kind: 'department_code', code: 'cgj' }, { kind: 'department_code', code: 'zhzx' }]
 */
export function routingCandidates(category: RoutingCategory, placement: RoutingPlacement): RoutingCandidate[] {
  if (placement.fallbackDepartmentId) return [{ kind: 'unit', departmentId: placement.fallbackDepartmentId }];
  const candidates: RoutingCandidate[] = [];
  if (category.handledByStreet) {
    if (placement.responsibleDepartmentId) candidates.push({ kind: 'unit', departmentId: placement.responsibleDepartmentId });
    if (placement.streetId) candidates.push({ kind: 'street_unit', streetId: placement.streetId });
  }
  candidates.push({ kind: 'department_code', code: category.departmentCode });
  candidates.push({ kind: 'department_code', code: COMMAND_CENTRE_CODE });
  return candidates;
}
