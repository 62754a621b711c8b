import { describe, expect, it } from 'vitest';
import { isActiveContent, joinReporterName, keepWithin } from './open311-text.ts';

describe('Open311 intake text rules', () => {
  it('keeps harmless angle brackets and refuses active content', () => {
    expect(isActiveContent('Ann <ann@example.org>')).toBe(false);
    expect(isActiveContent('a < b and c > d')).toBe(false);
    expect(isActiveContent('<SCRIPT src=x>')).toBe(true);
    expect(isActiveContent('<a href="javascript:alert(1)">x</a>')).toBe(true);
  });

  it('joins names with a space, Chinese names family name first without one', () => {
    expect(joinReporterName('Ann', 'Example')).toBe('Ann Example');
    expect(joinReporterName('小明', '王')).toBe('王小明');
    expect(joinReporterName(undefined, 'Example')).toBe('Example');
    expect(joinReporterName(' ', undefined)).toBeUndefined();
  });

  it('trims by code points', () => {
    expect(keepWithin('😀😀😀', 2)).toEqual({ value: '😀😀', trimmed: true });
    expect(keepWithin('ok', 5)).toEqual({ value: 'ok', trimmed: false });
  });
});
