import { describe, expect, it } from 'vitest';
import { checkUscc, completeUscc, orgCodeCheckCharacter, usccCheckCharacter } from './uscc.ts';

describe('USCC check character (GB 32100, reference §1.6 vectors)', () => {
  it.each([
    ['914403001922038216', '6'],
    ['9144030071526726XG', 'G'],
    ['91220101571145270J', 'J'],
    ['91440300708461136T', 'T'],
    ['91110000100003495Y', 'Y'],
    ['91310000631696382C', 'C'],
  ])('%s is valid with check character %s', (uscc, check) => {
    expect(usccCheckCharacter(uscc.slice(0, 17))).toBe(check);
    const result = checkUscc(uscc);
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('computes the GB 11714 organisation-code check of the vectors', () => {
    expect(orgCodeCheckCharacter('19220382')).toBe('1');
    expect(orgCodeCheckCharacter('71526726')).toBe('X');
    expect(orgCodeCheckCharacter('57114527')).toBe('0');
  });

  it('refuses a wrong check character and names the expected one', () => {
    const result = checkUscc('914403001922038217');
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ code: 'USCC_CHECK_CHARACTER', positions: [18], expected: '6' }]);
  });

  it('normalises lower case with a warning instead of refusing', () => {
    const result = checkUscc(' 9144030071526726xg ');
    expect(result.valid).toBe(true);
    expect(result.normalised).toBe('9144030071526726XG');
    expect(result.warnings.map((warning) => warning.code)).toEqual(['USCC_LOWER_CASE_NORMALISED']);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the excluded letter %s', (letter) => {
    const result = checkUscc(`9144030071526726${letter}G`);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ code: 'USCC_CHARACTER', positions: [17] }]);
  });

  it('refuses wrong lengths and letters in the division part', () => {
    expect(checkUscc('91440300192203821').errors).toEqual([{ code: 'USCC_LENGTH' }]);
    expect(checkUscc('9144030019220382166').errors).toEqual([{ code: 'USCC_LENGTH' }]);
    const letters = checkUscc(completeUscc('91A4030019220382').padEnd(18, '0'));
    expect(letters.errors[0]).toMatchObject({ code: 'USCC_REGION_NOT_DIGITS', positions: [3] });
  });

  it('only warns when position 17 fails (early pilot codes are legitimately issued)', () => {
    const pilot = completeUscc('91220101571145275');
    const result = checkUscc(pilot);
    expect(result.valid).toBe(true);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['USCC_ORG_CODE_CHECK']);
    expect(checkUscc('91350100M0001TGQXM').errors[0]).toMatchObject({ code: 'USCC_CHECK_CHARACTER', expected: '1' });
  });

  it('never refuses on positions 1–2 and decodes them for display', () => {
    const known = checkUscc('91220101571145270J').decoded;
    expect(known).toMatchObject({ authority: { code: '9', zh: '工商' }, kind: { code: '1', zh: '企业' }, registrationDivision: '220101', organisationCode: '57114527' + '0' });
    const odd = checkUscc(completeUscc('H7220101571145270'));
    expect(odd.valid).toBe(true);
    expect(odd.decoded?.authority.zh).toBeNull();
    expect(odd.warnings.map((warning) => warning.code)).toContain('USCC_AUTHORITY_UNKNOWN');
  });
});
