/**
 * Open311 response bodies: XML (declaration with UTF-8, no namespace) or JSON mapped from it
 * the Spark way (root dropped; a container of repeated children becomes an array), and W3C
 * date-times with an offset and whole seconds.
 */
import type { FastifyReply } from 'fastify';

export type Open311Format = 'xml' | 'json';

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The element name of each container's repeated child. */
const CHILD_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_request_updates: 'request_update',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
  notes: 'note',
  photos: 'photo',
};

/** Characters XML 1.0 cannot carry at all: C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF. */
function isXmlChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

/** A raw CR would be read back as LF (XML 1.0 §2.11), so it travels as a character reference. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"\r]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;', '\r': '&#13;' })[ch]!)
    .split('').filter(isXmlChar).join('');
}

function element(name: string, value: unknown): string {
  if (Array.isArray(value)) {
    const child = CHILD_NAMES[name] ?? 'item';
    return `<${name}>${value.map((item) => element(child, item)).join('')}</${name}>`;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return `<${name}>${Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  if (value === null || value === undefined) return `<${name}></${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * Renders an Open311 document.
 * @example renderOpen311('json', 'services', [{ service_code: 'E0101' }]) // => '[{"service_code":"E0101"}]'
 * @example renderOpen311('xml', 'services', []) // => '<?xml version="1.0" encoding="UTF-8"?>\n<services></services>'
 */
export function renderOpen311(format: Open311Format, root: string, value: unknown): string {
  if (format === 'json') return JSON.stringify(value, (_key, v) => (v === null ? '' : v));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value)}`;
}

export function sendOpen311(reply: FastifyReply, format: Open311Format, root: string, value: unknown, status = 200): FastifyReply {
  return reply.status(status).header('content-type', CONTENT_TYPES[format]).send(renderOpen311(format, root, value));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A W3C date-time in China Standard Time with whole seconds.
 * @example formatW3c(new Date('2026-03-10T02:00:00.123Z')) // => '2026-03-10T10:00:00+08:00'
 */
export function formatW3c(date: Date | null | undefined): string | null {
  if (!date) return null;
  const local = new Date(date.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}+08:00`;
}

const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses a W3C date-time; a bare date means midnight in China Standard Time.
 * @returns the instant, or null when the text is not a W3C date-time with a time zone
 */
export function parseW3c(text: string): Date | null {
  const match = W3C.exec(text.trim());
  if (!match) return null;
  const iso = match[4] ? text.trim() : `${match[1]}-${match[2]}-${match[3]}T00:00:00+08:00`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
