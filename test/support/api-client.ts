/** A small client for tests: log in as a demo user, call the API with a bearer token. */
import type { FastifyInstance } from 'fastify';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface ApiClient {
  token: string | null;
  get<T = any>(url: string): Promise<ApiResponse<T>>;
  post<T = any>(url: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = any>(url: string, body?: unknown): Promise<ApiResponse<T>>;
}

export function apiClient(app: FastifyInstance, token: string | null = null): ApiClient {
  const headers = () => (token ? { authorization: `Bearer ${token}` } : {});
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) => {
    const response = await app.inject({ method, url, headers: headers(), ...(body === undefined ? {} : { payload: body as object }) });
    const text = response.body;
    return { status: response.statusCode, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  return {
    token,
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body ?? {}),
    patch: (url, body) => call('PATCH', url, body ?? {}),
    put: (url, body) => call('PUT', url, body ?? {}),
  };
}

export async function loginAs(app: FastifyInstance, username: string, password = 'demo1234'): Promise<ApiClient> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  return apiClient(app, JSON.parse(response.body).token);
}
