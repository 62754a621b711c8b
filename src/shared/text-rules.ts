/**
 * The rules for what people type, shared by the JSON API (zod schemas), Open311 intake and the
 * web forms: one markup rule and one phone rule.
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
