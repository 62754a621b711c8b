import { describe, expect, it } from 'vitest';
import { citizenStage, citizenSteps } from './citizen-progress.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute));

describe('citizen progress', () => {
  it('names the stage in the reporter\'s terms', () => {
    expect(citizenStage('filed')).toBe('received');
    expect(citizenStage('suspended')).toBe('handling');
    expect(citizenStage('merged')).toBe('merged');
  });

  it('keeps only the steps a reporter follows and shows a repeated step once, at its latest time', () => {
    const steps = citizenSteps([
      { action: 'report', at: at(0) }, { action: 'file', at: at(1) }, { action: 'dispatch', at: at(2) },
      { action: 'return', at: at(3) }, { action: 'dispatch', at: at(4) }, { action: 'sign', at: at(5) },
      { action: 'request_extension', at: at(6) }, { action: 'resolve', at: at(7) }, { action: 'check_pass', at: at(8) },
    ]);
    expect(steps).toEqual([
      { step: 'reported', at: at(0) }, { step: 'accepted', at: at(1) }, { step: 'assigned', at: at(4) },
      { step: 'resolved', at: at(7) }, { step: 'closed', at: at(8) },
    ]);
  });
});
