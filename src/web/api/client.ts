/**
 * The one API client of the web UI: same-origin fetch with the session cookie, the CSRF token on
 * writes, and error bodies turned into ApiError carrying the server's code and both messages.
 */
import type { ErrorBody } from '../../shared/error-codes.ts';

/** An error the server (or the network) reported; components show `message` or `messageEn`. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(status: number, body: Partial<ErrorBody> | null) {
    super(body?.messageEn ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'NETWORK_ERROR' : 'INTERNAL_ERROR');
    this.messageZh = body?.message ?? (status === 0 ? '网络错误，请稍后再试' : '发生错误');
    this.messageEn = body?.messageEn ?? (status === 0 ? 'Network error; try again later' : 'Something went wrong');
    this.details = body?.details;
  }

  /** The message in the UI's language. */
  localized(english: boolean): string {
    return english ? this.messageEn : this.messageZh;
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from /api/v1/me or the login response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** Builds `path?query`, leaving out empty values. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    const payload = body === undefined ? undefined : isForm ? body : JSON.stringify(body);
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: payload });
  } catch {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null; // a proxy's HTML error page: keep the status, no body
  }
  if (!response.ok) throw new ApiError(response.status, parsed as Partial<ErrorBody> | null);
  return parsed as T;
}

/** GET a JSON resource. */
export function apiGet<T>(path: string, query?: Query): Promise<T> {
  return call<T>('GET', withQuery(path, query));
}

/** POST JSON (with the CSRF token when signed in). */
export function apiPost<T>(path: string, body: unknown = {}): Promise<T> {
  return call<T>('POST', path, body);
}

/** POST JSON with an Idempotency-Key: the server answers a repeat with the first result (an offline queue's replay). */
export function apiPostOnce<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
  return call<T>('POST', path, body, { 'idempotency-key': idempotencyKey });
}

/** PUT JSON. */
export function apiPut<T>(path: string, body: unknown = {}): Promise<T> {
  return call<T>('PUT', path, body);
}

/** PATCH JSON. */
export function apiPatch<T>(path: string, body: unknown = {}): Promise<T> {
  return call<T>('PATCH', path, body);
}

/** DELETE. */
export function apiDelete<T>(path: string): Promise<T> {
  return call<T>('DELETE', path);
}

/** POST multipart form data (photos); the browser sets the boundary. */
export function apiPostForm<T>(path: string, form: FormData): Promise<T> {
  return call<T>('POST', path, form);
}

/** Fetches a text resource (CSV) with the session cookie. */
export async function apiGetText(path: string): Promise<string> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, null);
  return response.text();
}
