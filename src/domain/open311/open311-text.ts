/**
 * How Open311 intake treats what clients type (issue 16): keep it, never refuse it for a harmless reason.
 * Text with `<…>` such as `Ann <ann@example.org>` is stored as typed and escaped on output; only active
 * content (script-like tags, `javascript:` links) is refused, naming the field.
 */

/** Names are kept up to this length; beyond it they are trimmed with a note, never refused. */
export const REPORTER_NAME_MAX = 100;

/** Tags that run or load something in a browser, and script URLs. Plain `<…>` is not among them. */
const ACTIVE_CONTENT = /<\s*\/?\s*(script|iframe|object|embed|style|svg|img|link|meta|base|form)\b|javascript\s*:/i;

/**
 * True when the text carries active content.
 * @example isActiveContent('Ann <ann@example.org>') // => false
 * @example isActiveContent('<script>alert(1)</script>') // => true
 */
export function isActiveContent(text: string): boolean {
  return ACTIVE_CONTENT.test(text);
}

const HAN = /^[\p{Script=Han}·]+$/u;

/**
 * The reporter's name from the client's two fields, in the order the name's own script implies:
 * Chinese family name first without a space (王 + 小明 → 王小明), other names "first last".
 * @example joinReporterName('Ann', 'Example') // => 'Ann Example'
 * @example joinReporterName('小明', '王') // => '王小明'
 */
export function joinReporterName(firstName: string | undefined, lastName: string | undefined): string | undefined {
  const first = firstName?.trim() ?? '';
  const last = lastName?.trim() ?? '';
  if (!first && !last) return undefined;
  if (HAN.test(first + last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

/**
 * Keeps at most `max` characters (code points, so no surrogate half is left behind).
 * @example keepWithin('abcdef', 3) // => { value: 'abc', trimmed: true }
 */
export function keepWithin(text: string, max: number): { value: string; trimmed: boolean } {
  const chars = Array.from(text);
  return chars.length <= max ? { value: text, trimmed: false } : { value: chars.slice(0, max).join(''), trimmed: true };
}
