/**
 * The rules for what people type, shared by the JSON API (zod schemas), Open311 intake and the
 * web forms: one well-formedness rule, one markup rule and one phone rule.
 */

/** Something that looks like an HTML/XML tag: `<b>`, `</p>`, `<!-- -->`, `<?xml`. */
export const HTML_TAG = /<\s*[a-z!/?][^>]*>/i;

/** A phone number as people write it: digits, `+`, `-`, spaces and brackets, 5–20 characters. */
export const PHONE_PATTERN = /^[0-9+\-\s()]{5,20}$/;

/**
 * True when free text contains markup (refused: texts are shown to staff as typed).
 * @example containsMarkup('路灯不亮 <b>急</b>') // true
 */
export function containsMarkup(text: string): boolean {
  return HTML_TAG.test(text);
}

/**
 * True when the value is a plausible phone number.
 * @example isPhoneNumber('(0431) 8888-1234') // true
 */
export function isPhoneNumber(value: string): boolean {
  return PHONE_PATTERN.test(value);
}

/**
 * U+0000 (PostgreSQL text cannot hold it) or a lone UTF-16 surrogate (the driver would store it as
 * U+FFFD, so what is stored differs from what was sent and hashed). In `u` mode a surrogate pair is one
 * code point, so only unpaired surrogates match `\p{Cs}`; U+0000 is tested for apart from it.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * True when text can be stored exactly as sent.
 * @example isWellFormedText('路灯不亮 🔦') // true
 */
export function isWellFormedText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * The paths of every string (object keys included) in a parsed request part that is not well-formed.
 * @example malformedTextPaths({ note: 'a\u0000b', tags: ['ok'] }, 'body') // ['body.note']
 */
export function malformedTextPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return isWellFormedText(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => malformedTextPaths(item, `${path}.${index}`));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    isWellFormedText(key) ? malformedTextPaths(item, `${path}.${key}`) : [path]);
}
