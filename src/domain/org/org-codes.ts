/**
 * Codes of the org tree: district (6 digits), street and community (12 digits) and grid
 * (15 digits). Pure functions only.
 *
 * - District: GB/T 2260 county-level code, `PPCCDD`, whose province part `PP` is a real
 *   GB/T 2260 province (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82). A county-level
 *   code never ends in `00` (that would be a province or a prefecture, e.g. 220100 长春市) —
 *   except the prefecture-level cities without counties (不设区的地级市: 东莞 441900, 中山
 *   442000, 儋州 460400, 嘉峪关 620200), whose streets and towns sit directly under the city,
 *   so they act as district-level units.
 * - Street (街道/镇/乡): the NBS 12-digit 统计用区划代码 of the township level =
 *   district (6) + township (3, never `000`) + `000`.
 * - Community (社区/村): district (6) + its street's township (3) + village-level (3, never `000`).
 * - Grid (单元网格, GB/T 30428.1 / DB11/T 2157): community (12) + sequence `001`–`999`.
 */

/** Machine codes returned by {@link checkCodeHierarchy}. */
export type CodeHierarchyProblem =
  | 'DISTRICT_CODE_MALFORMED'
  | 'STREET_CODE_MALFORMED'
  | 'COMMUNITY_CODE_MALFORMED'
  | 'GRID_CODE_MALFORMED'
  | 'STREET_NOT_IN_DISTRICT'
  | 'COMMUNITY_NOT_IN_STREET'
  | 'COMMUNITY_NOT_IN_DISTRICT'
  | 'GRID_NOT_IN_COMMUNITY'
  | 'GRID_NOT_IN_STREET'
  | 'GRID_NOT_IN_DISTRICT';

/** The parts of a 15-digit grid code. */
export interface ParsedGridCode {
  districtCode: string;
  streetCode: string;
  communityCode: string;
  /** 1–999, numbered inside the community (west→east, north→south). */
  sequence: number;
}

/** Codes to check against each other; any subset may be given. */
export interface CodeHierarchyInput {
  districtCode?: string;
  streetCode?: string;
  communityCode?: string;
  gridCode?: string;
}

const SIX_DIGITS = /^\d{6}$/;
const TWELVE_DIGITS = /^\d{12}$/;
const FIFTEEN_DIGITS = /^\d{15}$/;
const NONE = '000';

// GB/T 2260 province prefixes (北京 11 … 澳门 82); the gaps (16–20, 24–30, …) are no province.
const PROVINCE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15], [21, 23], [31, 37], [41, 46], [50, 54], [61, 65], [71, 71], [81, 82],
];

/** Prefecture-level cities without counties (不设区的地级市): district-level units themselves. */
export const CITIES_WITHOUT_COUNTIES: ReadonlySet<string> = new Set([
  '441900', // 东莞市
  '442000', // 中山市
  '460400', // 儋州市
  '620200', // 嘉峪关市
]);

/**
 * Tells whether a two-digit prefix is a GB/T 2260 province (省级) code.
 *
 * @param prefix - e.g. '22'
 * @returns true for 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82
 * @example
 * isProvincePrefix('22') // => true  (吉林省)
 * isProvincePrefix('16') // => false
 */
export function isProvincePrefix(prefix: string): boolean {
  if (!/^\d{2}$/.test(prefix)) return false;
  const n = Number(prefix);
  return PROVINCE_RANGES.some(([lo, hi]) => n >= lo && n <= hi);
}

/** True for a 9-digit prefix made of a district code and a non-zero township segment. */
function isStreetPrefix(prefix: string): boolean {
  return isDistrictCode(prefix.slice(0, 6)) && prefix.slice(6, 9) !== NONE;
}

/**
 * Tells whether a string is a county-level (区/县) GB/T 2260 code.
 *
 * @param code - the candidate, e.g. '220106'
 * @returns true when it is 6 digits, the province part is a real province and it does not end
 *   in '00' — or it is one of {@link CITIES_WITHOUT_COUNTIES}
 * @example
 * isDistrictCode('441900') // => true  (东莞市, no counties)
 * isDistrictCode('160106') // => false (16 is no province)
 * isDistrictCode('220106') // => true  (绿园区)
 * isDistrictCode('220100') // => false (长春市 is a prefecture, not a district)
 * isDistrictCode('22010')  // => false
 */
export function isDistrictCode(code: string): boolean {
  if (typeof code !== 'string' || !SIX_DIGITS.test(code)) return false;
  if (!isProvincePrefix(code.slice(0, 2))) return false;
  if (CITIES_WITHOUT_COUNTIES.has(code)) return true;
  return code.slice(4, 6) !== '00';
}

/**
 * Tells whether a string is a 12-digit street (街道/镇/乡) code.
 *
 * @param code - the candidate, e.g. '220106001000'
 * @returns true when the first 6 digits are a district code, digits 7–9 are not '000' and the
 *   last 3 are '000'
 * @example
 * isStreetCode('220106001000') // => true  (绿园区 正阳街道)
 * isStreetCode('220105100000') // => true  (二道区 英俊镇)
 * isStreetCode('220105001001') // => false (that is a community)
 */
export function isStreetCode(code: string): boolean {
  if (typeof code !== 'string' || !TWELVE_DIGITS.test(code)) return false;
  return isStreetPrefix(code.slice(0, 9)) && code.slice(9) === NONE;
}

/**
 * Tells whether a string is a 12-digit community (社区/村) code.
 *
 * @param code - the candidate, e.g. '220105001001'
 * @returns true when the first 9 digits are a street prefix and the last 3 are not '000'
 * @example
 * isCommunityCode('220105001001') // => true  (东盛街道 鑫旺社区)
 * isCommunityCode('220103008200') // => true  (团山街道 小南村)
 * isCommunityCode('220105001000') // => false (that is the street itself)
 */
export function isCommunityCode(code: string): boolean {
  if (typeof code !== 'string' || !TWELVE_DIGITS.test(code)) return false;
  return isStreetPrefix(code.slice(0, 9)) && code.slice(9) !== NONE;
}

/**
 * Tells whether a string is a 15-digit unit grid code.
 *
 * @param code - the candidate, e.g. '220105001001003'
 * @returns true when the first 12 digits are a community code and the sequence is 001–999
 * @example
 * isGridCode('220105001001003') // => true  (鑫旺社区, grid 3)
 * isGridCode('220105001001000') // => false (sequence 000)
 * isGridCode('220105001000001') // => false (a street cannot hold grids directly)
 */
export function isGridCode(code: string): boolean {
  if (typeof code !== 'string' || !FIFTEEN_DIGITS.test(code)) return false;
  return isCommunityCode(code.slice(0, 12)) && code.slice(12) !== NONE;
}

/**
 * Splits a grid code into the codes of the units that contain it.
 *
 * @param code - a 15-digit grid code
 * @returns the district, street and community codes and the sequence number, or null when
 *   the code is malformed
 * @example
 * parseGridCode('220105001001003')
 * // => { districtCode: '220105', streetCode: '220105001000',
 * //      communityCode: '220105001001', sequence: 3 }
 * parseGridCode('12345') // => null
 */
export function parseGridCode(code: string): ParsedGridCode | null {
  if (!isGridCode(code)) return null;
  return {
    districtCode: code.slice(0, 6),
    streetCode: `${code.slice(0, 9)}${NONE}`,
    communityCode: code.slice(0, 12),
    sequence: Number(code.slice(12)),
  };
}

/**
 * Checks that each given code is well formed and sits inside the given codes above it.
 * When a level in between is missing, a code is checked against the nearest level given
 * (a grid against a street when no community is given, and so on). Malformed codes are
 * reported once and not compared further.
 *
 * @param input - any of districtCode, streetCode, communityCode, gridCode
 * @returns the problems found, as machine codes; empty when all is consistent
 * @example
 * checkCodeHierarchy({ districtCode: '220105', streetCode: '220105001000',
 *   communityCode: '220105001001', gridCode: '220105001001002' }) // => []
 * checkCodeHierarchy({ communityCode: '220105001001', gridCode: '220105002001001' })
 * // => ['GRID_NOT_IN_COMMUNITY']
 * checkCodeHierarchy({ gridCode: '2201050010010' }) // => ['GRID_CODE_MALFORMED']
 */
export function checkCodeHierarchy(input: CodeHierarchyInput): CodeHierarchyProblem[] {
  const problems: CodeHierarchyProblem[] = [];
  const district = pickValid(input.districtCode, isDistrictCode, 'DISTRICT_CODE_MALFORMED', problems);
  const street = pickValid(input.streetCode, isStreetCode, 'STREET_CODE_MALFORMED', problems);
  const community = pickValid(input.communityCode, isCommunityCode, 'COMMUNITY_CODE_MALFORMED', problems);
  const grid = pickValid(input.gridCode, isGridCode, 'GRID_CODE_MALFORMED', problems);

  // A street code's unit prefix is its first 9 digits; a community's is all 12.
  if (street && district && street.slice(0, 6) !== district) {
    problems.push('STREET_NOT_IN_DISTRICT');
  }
  if (community) {
    if (street) {
      if (community.slice(0, 9) !== street.slice(0, 9)) problems.push('COMMUNITY_NOT_IN_STREET');
    } else if (district && community.slice(0, 6) !== district) {
      problems.push('COMMUNITY_NOT_IN_DISTRICT');
    }
  }
  if (grid) {
    if (community) {
      if (grid.slice(0, 12) !== community) problems.push('GRID_NOT_IN_COMMUNITY');
    } else if (street) {
      if (grid.slice(0, 9) !== street.slice(0, 9)) problems.push('GRID_NOT_IN_STREET');
    } else if (district && grid.slice(0, 6) !== district) {
      problems.push('GRID_NOT_IN_DISTRICT');
    }
  }
  return problems;
}

/** Returns the code when given and valid; records the problem when given and malformed. */
function pickValid(
  code: string | undefined,
  isValid: (code: string) => boolean,
  problem: CodeHierarchyProblem,
  problems: CodeHierarchyProblem[],
): string | undefined {
  if (code === undefined) return undefined;
  if (isValid(code)) return code;
  problems.push(problem);
  return undefined;
}
