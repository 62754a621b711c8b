/**
 * fast-check arbitraries generated from the route schemas (zod 4) in `src/shared`, for the fuzz test (issue 19
 * item 8). `validFor(schema)` gives values the schema accepts (or nearly: refinements such as "no markup" are not
 * modelled, a generated string may trip them); `fuzzFor(schema)` gives those and mutations of them — a field
 * replaced by a hostile value, a required field dropped, an unknown field added, the whole body the wrong type.
 * `hints` put realistic values (a real category code, a real grid) next to the generated ones for the fields
 * named by their dotted path, so some generated requests get past lookups and reach the deeper code.
 */
import fc from 'fast-check';
import type { z } from 'zod';

export type Hints = Record<string, fc.Arbitrary<unknown>>;

/** Values that break assumptions: wrong types, edges of numbers, not well-formed Unicode, markup, size. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null, true, false, 0, -1, 1.5, -0.000001, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308,
  '', ' ', '\t\n', '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\ufeff', '\u202e反向', '😡😡😡',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', "' or 1=1 --", '"; drop table cases; --', '../../etc/passwd',
  '%00', '${7*7}', '{{7*7}}', '1e999', 'NaN', 'Infinity', '-1', '0', '9'.repeat(40), '2026-02-30T25:61:00Z', '2026-03-10',
  'a'.repeat(10_001), '路灯'.repeat(5_001), [], [''], [1, 2], {}, { $gt: '' }, JSON.parse('{"__proto__":{"admin":true}}'), { constructor: { prototype: {} } },
];

export const hostile = (): fc.Arbitrary<unknown> => fc.constantFrom(...HOSTILE_VALUES);

// Text a person could type: Chinese, Latin, digits, punctuation, emoji (full Unicode via 'grapheme').
const CHINESE = fc.constantFrom(...'路灯不亮井盖垃圾满了噪音扰民小区门口暖气不热工资拖欠喂我跟你说，。！？'.split(''));
const text = (minLength: number, maxLength: number) =>
  fc.oneof(
    fc.string({ unit: CHINESE, minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc.string({ minLength, maxLength }),
  );

type AnySchema = z.ZodType & { _zod: { def: Record<string, any> } };

function def(schema: z.ZodType): Record<string, any> {
  return (schema as AnySchema)._zod.def;
}

/** The schema inside optional/nullable/default/pipe wrappers, and whether it may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; nullable: boolean } {
  let inner = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const d = def(inner);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') { optional = true; inner = d.innerType; continue; }
    if (d.type === 'nullable') { nullable = true; inner = d.innerType; continue; }
    if (d.type === 'pipe') { inner = d.in; continue; }
    return { inner, optional, nullable };
  }
}

function stringFor(schema: z.ZodType): fc.Arbitrary<string> {
  const s = schema as z.ZodString;
  const checks: any[] = def(schema).checks ?? [];
  const pattern = checks.map((check) => check._zod.def).find((d) => d.check === 'string_format' && d.pattern instanceof RegExp)?.pattern as RegExp | undefined;
  if (s.format === 'datetime') {
    return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
  }
  if (pattern) return fc.stringMatching(pattern);
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 64, min + 64);
  return text(min, max).filter((value) => value.trim().length >= min);
}

function numberFor(schema: z.ZodType): fc.Arbitrary<number> {
  const n = schema as z.ZodNumber;
  const checks: any[] = (def(schema).checks ?? []).map((check: any) => check._zod.def);
  const exclusiveMin = checks.some((d) => d.check === 'greater_than' && !d.inclusive);
  const min = Math.max(n.minValue ?? -1e6, -1e6);
  const max = Math.min(n.maxValue ?? 1e6, 1e6);
  if (n.isInt) return fc.integer({ min: Math.ceil(min) + (exclusiveMin ? 1 : 0), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((value) => !exclusiveMin || value > min);
}

/** Values the schema accepts. */
export function validFor(schema: z.ZodType, hints: Hints = {}, path = ''): fc.Arbitrary<unknown> {
  const { inner, nullable } = unwrap(schema);
  const base = validInner(inner, hints, path);
  const hinted = hints[path] ? fc.oneof({ arbitrary: hints[path]!, weight: 3 }, { arbitrary: base, weight: 1 }) : base;
  return nullable ? fc.option(hinted, { nil: null }) : hinted;
}

function validInner(schema: z.ZodType, hints: Hints, path: string): fc.Arbitrary<unknown> {
  const d = def(schema);
  switch (d.type) {
    case 'string': return stringFor(schema);
    case 'number': return numberFor(schema);
    case 'boolean': return fc.boolean();
    case 'enum': return fc.constantFrom(...(schema as z.ZodEnum).options);
    case 'literal': return fc.constantFrom(...(d.values as unknown[]));
    case 'array': return fc.array(validFor(d.element, hints, `${path}[]`), { maxLength: 3 });
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      const requiredKeys: string[] = [];
      for (const [key, field] of Object.entries(shape)) {
        record[key] = validFor(field, hints, path ? `${path}.${key}` : key);
        if (!unwrap(field).optional) requiredKeys.push(key);
      }
      return fc.record(record, { requiredKeys });
    }
    default: return fc.anything();
  }
}

/** Valid values and mutations of them: what a careless or hostile client sends. */
export function fuzzFor(schema: z.ZodType, hints: Hints = {}, path = ''): fc.Arbitrary<unknown> {
  const { inner } = unwrap(schema);
  const valid = validFor(schema, hints, path);
  if (def(inner).type !== 'object') return fc.oneof(valid, hostile());
  const shape = def(inner).shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const requiredKeys = keys.filter((key) => !unwrap(shape[key]!).optional);
  const mutations: fc.Arbitrary<unknown>[] = [
    // One field (nested ones too) replaced by a hostile value or by a fuzzed value of its own schema.
    fc.tuple(valid, fc.constantFrom(...keys)).chain(([value, key]) =>
      fc.oneof(hostile(), fuzzFor(shape[key]!, hints, path ? `${path}.${key}` : key)).map((replacement) => ({ ...(value as object), [key]: replacement }))),
    // A field the schema does not know.
    fc.tuple(valid, fc.constantFrom('id', 'state', 'role', 'districtId', '__proto__', 'constructor', 'extra'), hostile())
      .map(([value, key, extra]) => ({ ...(value as object), [key]: extra })),
    // The whole body the wrong type.
    hostile(),
  ];
  if (requiredKeys.length > 0) {
    mutations.push(fc.tuple(valid, fc.constantFrom(...requiredKeys)).map(([value, key]) => {
      const copy = { ...(value as Record<string, unknown>) };
      delete copy[key];
      return copy;
    }));
  }
  return fc.oneof({ arbitrary: valid, weight: 2 }, ...mutations.map((arbitrary) => ({ arbitrary, weight: 1 })));
}
