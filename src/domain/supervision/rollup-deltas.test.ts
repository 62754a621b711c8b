import { describe, expect, it } from 'vitest';
import { groupDeltas, rollupDeltas, type RollupEventInput } from './rollup-deltas.ts';

const units = { district: 1, street: 2, community: 3, grid: 4, department: 7, person: 9 };
const base: RollupEventInput = {
  action: 'dispatch', fromState: 'filed', toState: 'dispatched', actorUserId: 5, data: { departmentId: 7 }, units,
  facts: { onTime: null, reworked: null, respondedInTime: null, rating: null }, caseFiled: true, extensionCount: 0,
  lastSign: null, lastResolve: null, lastClose: null, lastRate: null,
};

describe('rollupDeltas', () => {
  it('credits a dispatch to the places and the receiving department, and a return takes the filed case back', () => {
    const dispatch = groupDeltas(rollupDeltas(base));
    expect(dispatch.find((row) => row.level === 'department')?.counters).toMatchObject({ dispatched: 1, filed: 1 });
    const back = groupDeltas(rollupDeltas({ ...base, action: 'return', fromState: 'signed', toState: 'filed', data: { fromDepartmentId: 7 } }));
    expect(back.find((row) => row.level === 'department')?.counters).toMatchObject({ returned: 1, filed: -1 });
    expect(back.find((row) => row.level === 'person')?.unitId).toBe(5);
  });

  it('takes a reopened closing back from the units that closed it, on the reopen day', () => {
    const closedAt = { units: { ...units, department: 8 }, facts: { onTime: false, reworked: true, respondedInTime: null, rating: null }, actorUserId: 3 };
    const rows = groupDeltas(rollupDeltas({ ...base, action: 'reopen', fromState: 'closed', toState: 'filed', lastClose: closedAt }));
    expect(rows.find((row) => row.level === 'department')).toMatchObject({ unitId: 8, counters: { closed: -1, closed_on_time: 0, closed_reworked: -1, filed: -1 } });
  });

  it('removes an upheld appeal\'s rating with the facts the rating carried', () => {
    const rated = { units, facts: { onTime: null, reworked: null, respondedInTime: true, rating: 'dissatisfied' as const }, actorUserId: 2 };
    const rows = groupDeltas(rollupDeltas({ ...base, action: 'appeal_decided', data: { upheld: true }, lastRate: rated }));
    expect(rows.find((row) => row.level === 'district')?.counters).toMatchObject({ followed_up: -1, dissatisfied: -1, responded_in_time: -1, solved: 0 });
    expect(rollupDeltas({ ...base, action: 'appeal_decided', data: { upheld: false }, lastRate: rated })).toEqual([]);
  });

  it('takes a voided rectification case\'s filing back from its places and unit, as its opening gave it', () => {
    const open = groupDeltas(rollupDeltas({ ...base, action: 'open_rectification', fromState: null, toState: 'dispatched', data: { departmentId: 7 } }));
    const voided = groupDeltas(rollupDeltas({ ...base, action: 'void_rectification', fromState: 'dispatched', toState: 'declined', data: { departmentId: 7 } }));
    expect(voided.map((row) => [row.level, row.unitId, row.counters.filed])).toEqual(open.map((row) => [row.level, row.unitId, -row.counters.filed]));
  });
});
