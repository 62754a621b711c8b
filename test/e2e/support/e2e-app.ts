/**
 * The real app for browser tests: a fresh PGlite database (startTestApp), the current web build,
 * and an HTTP listener on a free port serving both the API and the UI.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp, type TestClock } from '../../support/test-app.ts';
import { ensureWebBuild } from '../../../src/server/web-build.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface E2eApp {
  t: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

/** A clock that follows real time, so the browser's countdowns and the server agree. */
function realClock(): TestClock {
  let offset = 0;
  return {
    get now() {
      return new Date(Date.now() + offset);
    },
    set(iso: string) {
      offset = new Date(iso).getTime() - Date.now();
    },
    advanceMinutes(minutes: number) {
      offset += minutes * 60_000;
    },
  } as TestClock;
}

/** Starts the app with the current web build and listens on 127.0.0.1:<free port>. */
export async function startE2eApp(): Promise<E2eApp> {
  await ensureWebBuild(REPO_ROOT, { log: () => undefined });
  const t = await startTestApp({ clock: realClock(), overrides: { CIVICLOOP_DEMO: 'true' }, webDir: `${REPO_ROOT}dist/web` });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const server = t.app.server;
  const { port } = server.address() as AddressInfo;
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await t.close();
    },
  };
}

