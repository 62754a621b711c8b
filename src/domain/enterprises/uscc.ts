/**
 * 统一社会信用代码 (USCC) per GB 32100-2015: 18 characters from a 31-symbol set; position 18 is the
 * GB/T 17710 mod-31 check character, position 17 closes the GB 11714 organisation code. Only position
 * 18 decides validity: legitimately issued pilot codes fail the position-17 check, and the set of
 * position-1 values has grown since 2015, so positions 1–2 are decoded for display and never refused.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccError = 'USCC_LENGTH' | 'USCC_CHARACTER' | 'USCC_REGION_NOT_DIGITS' | 'USCC_CHECK_CHARACTER';
export type UsccWarning = 'USCC_LOWER_CASE_NORMALISED' | 'USCC_ORG_CODE_CHECK' | 'USCC_AUTHORITY_UNKNOWN';

export interface UsccProblem<C extends string> {
  code: C;
  /** 1-based positions concerned, when the problem is about particular characters. */
  positions?: number[];
  /** The character the check rule expects, for check-character problems. */
  expected?: string;
}

export interface LabelledCode {
  code: string;
  zh: string | null;
  en: string | null;
}

export interface UsccDecoded {
  /** Position 1: 登记管理部门. */
  authority: LabelledCode;
  /** Position 2: 机构类别, whose meaning depends on position 1. */
  kind: LabelledCode;
  /** Positions 3–8: the registering authority's division (not the enterprise's district). */
  registrationDivision: string;
  /** Positions 9–17: the GB 11714 organisation code. */
  organisationCode: string;
}

export interface UsccCheck {
  /** Upper-cased and trimmed: the form to store. */
  normalised: string;
  valid: boolean;
  errors: UsccProblem<UsccError>[];
  warnings: UsccProblem<UsccWarning>[];
  decoded: UsccDecoded | null;
}

const AUTHORITIES: Record<string, [string, string]> = {
  '1': ['机构编制', 'Establishment administration'],
  '2': ['外交', 'Foreign affairs'],
  '3': ['教育', 'Education'],
  '4': ['公安', 'Public security'],
  '5': ['民政', 'Civil affairs'],
  '6': ['司法', 'Justice'],
  '7': ['交通运输', 'Transport'],
  '8': ['文化', 'Culture'],
  '9': ['工商', 'Market regulation'],
  A: ['旅游', 'Tourism'],
  B: ['宗教', 'Religious affairs'],
  C: ['全国总工会', 'Trade union federation'],
  D: ['总后勤部', 'Military logistics'],
  E: ['省级政府', 'Provincial government'],
  F: ['地市级政府', 'Prefectural government'],
  G: ['区县级政府', 'County government'],
  Y: ['其他', 'Other'],
};

const KINDS: Record<string, Record<string, [string, string]>> = {
  '1': { '1': ['机关', 'Government organ'], '2': ['事业单位', 'Public institution'], '3': ['群众团体', 'Mass organisation'], '9': ['其他', 'Other'] },
  '5': { '1': ['社会团体', 'Social organisation'], '2': ['民办非企业单位', 'Private non-enterprise unit'], '3': ['基金会', 'Foundation'], '9': ['其他', 'Other'] },
  '9': { '1': ['企业', 'Enterprise'], '2': ['个体工商户', 'Individual business'], '3': ['农民专业合作社', 'Farmers’ cooperative'] },
};

function label(code: string, entry: [string, string] | undefined): LabelledCode {
  return { code, zh: entry?.[0] ?? null, en: entry?.[1] ?? null };
}

/** The position-18 character that the first 17 characters call for (all must be in the charset). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character for an 8-character organisation-code body. */
export function orgCodeCheckCharacter(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i]!, 36) * ORG_CODE_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Completes 17 characters into a valid USCC (used by the demo seeder and tests). */
export function completeUscc(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

export function decodeUscc(uscc: string): UsccDecoded {
  const authority = uscc[0] ?? '';
  const kind = uscc[1] ?? '';
  return {
    authority: label(authority, AUTHORITIES[authority]),
    kind: label(kind, KINDS[authority]?.[kind]),
    registrationDivision: uscc.slice(2, 8),
    organisationCode: uscc.slice(8, 17),
  };
}

function characterErrors(code: string): UsccProblem<UsccError>[] {
  const bad = [...code].flatMap((char, i) => (CHARSET.includes(char) ? [] : [i + 1]));
  const errors: UsccProblem<UsccError>[] = bad.length > 0 ? [{ code: 'USCC_CHARACTER', positions: bad }] : [];
  const region = [2, 3, 4, 5, 6, 7].flatMap((i) => (/\d/.test(code[i] ?? '') ? [] : [i + 1]));
  if (region.length > 0) errors.push({ code: 'USCC_REGION_NOT_DIGITS', positions: region });
  return errors;
}

function usccWarnings(raw: string, code: string, decoded: UsccDecoded): UsccProblem<UsccWarning>[] {
  const warnings: UsccProblem<UsccWarning>[] = [];
  if (raw.trim() !== code) warnings.push({ code: 'USCC_LOWER_CASE_NORMALISED' });
  const expected = orgCodeCheckCharacter(code.slice(8, 16));
  if (code[16] !== expected) warnings.push({ code: 'USCC_ORG_CODE_CHECK', positions: [17], expected });
  if (decoded.authority.zh === null) warnings.push({ code: 'USCC_AUTHORITY_UNKNOWN', positions: [1] });
  return warnings;
}

/** Validates a USCC as typed by a person: lower case is normalised, never refused. */
export function checkUscc(raw: string): UsccCheck {
  const normalised = raw.trim().toUpperCase();
  if (normalised.length !== 18) {
    return { normalised, valid: false, errors: [{ code: 'USCC_LENGTH' }], warnings: [], decoded: null };
  }
  const errors = characterErrors(normalised);
  const decoded = decodeUscc(normalised);
  if (errors.every((error) => error.code !== 'USCC_CHARACTER')) {
    const expected = usccCheckCharacter(normalised.slice(0, 17));
    if (normalised[17] !== expected) errors.push({ code: 'USCC_CHECK_CHARACTER', positions: [18], expected });
  }
  const warnings = errors.length === 0 ? usccWarnings(raw, normalised, decoded) : [];
  return { normalised, valid: errors.length === 0, errors, warnings, decoded };
}
