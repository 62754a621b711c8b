/** Reading Open311 arguments from a form body or query string: empty means absent (spec §1.1). */
import { DomainError } from '../../../domain/errors.ts';
import { parseW3c } from './open311-format.ts';

export type Params = Record<string, unknown>;

/** One value; the first when repeated; undefined when absent or empty. */
export function field(params: Params, name: string): string | undefined {
  const raw = params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** A comma list, e.g. status=open,closed. */
export function list(params: Params, name: string): string[] | undefined {
  const value = field(params, name);
  if (!value) return undefined;
  const items = value.split(',').map((part) => part.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

/** Every value of a repeatable field, also under `name[]`. */
export function values(params: Params, name: string): string[] {
  const all = [params[name], params[`${name}[]`]].flatMap((raw) => (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]));
  return all.map((v) => String(v).trim()).filter((v) => v !== '');
}

/** attribute[CODE]=v and attribute[CODE][]=v1&attribute[CODE][]=v2. */
export function attributes(params: Params): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, raw] of Object.entries(params)) {
    const match = /^attribute\[([^\]]{1,100})\](\[\])?$/.exec(key);
    if (!match) continue;
    const items = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v));
    result[match[1]!] = match[2] || items.length > 1 ? items : items[0]!;
  }
  return result;
}

/**
 * A W3C date-time argument.
 * @throws DomainError VALIDATION_FAILED
 */
export function date(params: Params, name: string): Date | undefined {
  const value = field(params, name);
  if (value === undefined) return undefined;
  const parsed = parseW3c(value);
  if (!parsed) throw new DomainError('VALIDATION_FAILED', [{ path: name, code: 'invalid_datetime', message: 'a W3C date-time with a time zone, e.g. 2026-03-10T10:00:00+08:00' }]);
  return parsed;
}

/**
 * A positive integer argument.
 * @throws DomainError VALIDATION_FAILED
 */
export function positiveInt(params: Params, name: string, fallback: number, max: number): number {
  const value = field(params, name);
  if (value === undefined) return fallback;
  if (!/^\d{1,7}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new DomainError('VALIDATION_FAILED', [{ path: name, code: 'invalid_number', message: `an integer from 1 to ${max}` }]);
  }
  return Number(value);
}

/** The longest radius a lat/long query may ask for, and the one used when none is given (metres). */
export const RADIUS_MAX_M = 50_000;
export const RADIUS_DEFAULT_M = 1_000;

/**
 * lat/long/radius on GET requests: WGS84 degrees and metres.
 * @throws DomainError VALIDATION_FAILED
 */
export function near(params: Params): { lat: number; lng: number; radiusM: number } | undefined {
  const lat = field(params, 'lat');
  const lng = field(params, 'long');
  const radius = field(params, 'radius');
  if (lat === undefined && lng === undefined && radius === undefined) return undefined;
  const point = { lat: Number(lat), lng: Number(lng) };
  const radiusM = radius === undefined ? RADIUS_DEFAULT_M : Number(radius);
  if (lat === undefined || lng === undefined || !Number.isFinite(point.lat) || !Number.isFinite(point.lng) || Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) {
    throw new DomainError('VALIDATION_FAILED', [{ path: 'lat,long', code: 'invalid_location', message: 'lat and long must both be WGS84 degrees' }]);
  }
  if (!Number.isFinite(radiusM) || radiusM <= 0 || radiusM > RADIUS_MAX_M) {
    throw new DomainError('VALIDATION_FAILED', [{ path: 'radius', code: 'invalid_number', message: `metres, more than 0 and at most ${RADIUS_MAX_M}` }]);
  }
  return { ...point, radiusM };
}
