import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { OneLineRequestLog } from './request-log.ts';

/** A Fastify with the one-line request log, writing its JSON lines into `lines`. */
async function appWithLog(level: string) {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  const app = Fastify({ logger: { level, stream }, logController: new OneLineRequestLog() });
  app.get('/api/v1/thing', async () => ({ ok: true }));
  app.get('/assets/app.js', async () => 'js');
  await app.ready();
  return { app, lines };
}

describe('one log line per request', () => {
  it('writes one info line per API request, with method, path without query, status and duration', async () => {
    const { app, lines } = await appWithLog('info');
    await app.inject({ url: '/api/v1/thing?secret=1' });
    await app.inject({ url: '/api/v1/missing' });
    expect(lines.map((line) => line.msg)).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/thing 200 \d+ ms$/),
      expect.stringMatching(/^GET \/api\/v1\/missing 404 \d+ ms$/),
    ]);
    expect(lines.every((line) => line.level === 30)).toBe(true);
    await app.close();
  });

  it('keeps the web UI\'s files at debug', async () => {
    const quiet = await appWithLog('info');
    await quiet.app.inject({ url: '/assets/app.js' });
    expect(quiet.lines).toEqual([]);
    await quiet.app.close();
    const verbose = await appWithLog('debug');
    await verbose.app.inject({ url: '/assets/app.js' });
    expect(verbose.lines.map((line) => line.msg)).toEqual([expect.stringMatching(/^GET \/assets\/app\.js 200 \d+ ms$/)]);
    await verbose.app.close();
  });
});
