/**
 * A small autocannon-like closed-loop load generator: `concurrency` clients, each sending its next
 * request as soon as the previous answer arrives, for a fixed time, over keep-alive HTTP/1.1.
 */
import http from 'node:http';
import { summarize, type LatencySummary } from './stats.ts';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  ok: number;
  errors: number;
  /** Status code → count for non-2xx answers. */
  statuses: Record<string, number>;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
  firstError?: string;
}

/**
 * Runs a closed-loop load against 127.0.0.1:port.
 * @param next - builds request i (called once per request)
 */
export async function runLoad(port: number, options: { concurrency: number; durationMs: number; next: (i: number) => RequestSpec }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const samples: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  let counter = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const send = (spec: RequestSpec) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const headers: Record<string, string> = { ...(spec.headers ?? {}) };
      if (spec.body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(spec.body));
      }
      const request = http.request({ host: '127.0.0.1', port, method: spec.method, path: spec.path, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      });
      request.on('error', reject);
      if (spec.body !== undefined) request.write(spec.body);
      request.end();
    });
  const client = async () => {
    while (performance.now() < deadline) {
      const spec = options.next(counter++);
      const start = performance.now();
      try {
        const response = await send(spec);
        samples.push(performance.now() - start);
        if (response.status >= 200 && response.status < 300) ok += 1;
        else {
          errors += 1;
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          firstError ??= `${response.status} ${response.body.slice(0, 300)}`;
        }
      } catch (error) {
        errors += 1;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: samples.length, ok, errors, statuses, seconds, perSecond: ok / seconds, latency: summarize(samples), firstError };
}

/** One request, parsed as JSON. */
export async function requestJson<T = unknown>(port: number, spec: RequestSpec): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${port}${spec.path}`, {
    method: spec.method, headers: { ...(spec.body ? { 'content-type': 'application/json' } : {}), ...(spec.headers ?? {}) }, body: spec.body,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
