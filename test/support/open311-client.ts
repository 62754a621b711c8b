/** Calls the Open311 endpoint the way clients do: form-encoded POSTs, .xml or .json, parsed answers. */
import type { FastifyInstance } from 'fastify';
import { XMLParser } from 'fast-xml-parser';

export interface Open311Response {
  status: number;
  contentType: string;
  headers: Record<string, unknown>;
  raw: string;
  /** JSON as sent, or XML parsed with repeated elements always as arrays. */
  body: any;
}

const REPEATED = new Set(['service', 'request', 'request_update', 'attribute', 'value', 'endpoint', 'format', 'error']);
const xml = new XMLParser({ isArray: (name) => REPEATED.has(name), parseTagValue: false, trimValues: false });

function parse(raw: string, contentType: string): any {
  if (contentType.startsWith('application/json')) return JSON.parse(raw);
  if (contentType.startsWith('text/xml')) return xml.parse(raw);
  return raw;
}

export const PREFIX = '/open311/v2';

export async function open311Get(app: FastifyInstance, path: string): Promise<Open311Response> {
  const response = await app.inject({ method: 'GET', url: `${PREFIX}${path}` });
  const contentType = String(response.headers['content-type'] ?? '');
  return { status: response.statusCode, contentType, headers: response.headers, raw: response.body, body: parse(response.body, contentType) };
}

/** POSTs form fields; arrays repeat the key (attribute[x][]=a&attribute[x][]=b). */
export async function open311Post(app: FastifyInstance, path: string, fields: Record<string, string | string[]>): Promise<Open311Response> {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  const response = await app.inject({
    method: 'POST', url: `${PREFIX}${path}`, payload: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  const contentType = String(response.headers['content-type'] ?? '');
  return { status: response.statusCode, contentType, headers: response.headers, raw: response.body, body: parse(response.body, contentType) };
}

/** Creates an API key as admin; returns the plain key and its id. */
export async function createKey(app: FastifyInstance, adminToken: string, name = 'FixMyStreet test'): Promise<{ id: number; key: string }> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/admin/apikeys', payload: { name }, headers: { authorization: `Bearer ${adminToken}` } });
  if (response.statusCode !== 201) throw new Error(`create key failed: ${response.statusCode} ${response.body}`);
  return JSON.parse(response.body);
}

/** W3C date-time with an offset and whole seconds (GeoReport v2 §1.1, open311-adapter's rule). */
export const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
