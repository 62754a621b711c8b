/**
 * The real app for browser tests: a fresh PGlite database (startTestApp), the current web build,
 * and an HTTP listener on a free port serving both the API and the UI.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp, type TestClock } from '../../support/test-app.ts';
import { ensureWebBuild } from '../../../src/server/web-build.ts';
import { e2eNow } from './e2e-time.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface E2eApp {
  t: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

/** The e2e time (a fixed start that then runs), shifted by what a test moves it; browsers get the same time. */
function runningClock(): TestClock {
  let offset = 0;
  return {
    get now() {
      return new Date(e2eNow().getTime() + offset);
    },
    set(iso: string) {
      offset = new Date(iso).getTime() - e2eNow().getTime();
    },
    advanceMinutes(minutes: number) {
      offset += minutes * 60_000;
    },
  } as TestClock;
}

/** Starts the app with the current web build (and any extra settings) and listens on 127.0.0.1:<free port>. */
export async function startE2eApp(overrides: Record<string, string> = {}): Promise<E2eApp> {
  await ensureWebBuild(REPO_ROOT, { log: () => undefined });
  const t = await startTestApp({ clock: runningClock(), overrides: { CIVICLOOP_DEMO: 'true', ...overrides }, webDir: `${REPO_ROOT}dist/web` });
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

