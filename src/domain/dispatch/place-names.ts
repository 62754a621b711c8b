/**
 * Place names as callers say them: the org tree's full names and their short forms (正阳街道 → 正阳, 自立社区
 * → 自立), so that both are read as a place, not as words about the problem.
 */

// Longest first: 经济开发区 before 区.
const ADMINISTRATIVE_SUFFIXES = ['经济开发区', '产业园区', '街道', '社区', '村委会', '镇', '乡', '村', '区'];

/**
 * The names and their short forms, unique, each at least two characters.
 * @example placeNameVariants(['正阳街道', '绿园区']) // => ['正阳街道', '正阳', '绿园区', '绿园']
 */
export function placeNameVariants(names: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length >= 2) variants.add(trimmed);
    const suffix = ADMINISTRATIVE_SUFFIXES.find((candidate) => trimmed.endsWith(candidate));
    if (suffix) {
      const short = trimmed.slice(0, -suffix.length);
      if (short.length >= 2) variants.add(short);
    }
  }
  return [...variants];
}
