/** The levels of the org tree at which indicators are computed and units ranked. */
export const UNIT_LEVELS = ['district', 'street', 'community', 'grid', 'department', 'person'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
