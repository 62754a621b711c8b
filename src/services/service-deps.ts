import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CalendarCache } from './calendar/index.ts';
import type { RatingRequestSender } from './applications/index.ts';
import type { CaseLiveFeed } from './case/index.ts';

/** What every use case needs, passed explicitly: the database, the time and the calendar. */
export interface ServiceDeps {
  db: Kysely<Database>;
  clock: () => Date;
  calendar: CalendarCache;
  settings: ServiceSettings;
  /** What runs after a write commits: the timeline linker and the outbox drain (ADR 0006). */
  afterCommit: AfterCommit;
  /** The open desks that hear case changes after each post-commit pass (issue 17, docs/live-desks.md). */
  caseLive?: CaseLiveFeed;
  /** Where 一事一评 rating requests go; unset, they are logged (the demo). */
  ratingRequests?: RatingRequestSender;
}

export interface AfterCommit {
  /** Links and drains what is waiting, once through; never throws (the worker's timer retries what failed). */
  kick(): Promise<void>;
  /** Resolves once no pass is running: the answer to a write does not wait for its pass, a shutdown does. */
  settled(): Promise<void>;
  /** Links every unlinked row and drains every due outbox entry, until none is left. @throws what failed */
  drain(): Promise<void>;
}

export interface ServiceSettings {
  sessionHours: number;
  sessionIdleMinutes: number;
  reopenWindowDays: number;
  integrations: IntegrationSettings;
}

/** Webhooks, subscriptions and messages (issue 16, docs/integrations.md). */
export interface IntegrationSettings {
  /** Where the public reaches us: links in messages and feeds; webhooks may not point here. */
  publicUrl: string;
  webhookRetryMs: number;
  webhookMaxAttempts: number;
  webhookPrivateTargets: boolean;
  /** Signs unsubscribe links. */
  linkSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
}

/** Settings for processes that send nothing outward (seeding, benchmarks): no SMTP, default backoff. */
export const QUIET_INTEGRATION_SETTINGS: IntegrationSettings = {
  publicUrl: 'http://127.0.0.1:3000', webhookRetryMs: 30_000, webhookMaxAttempts: 8, webhookPrivateTargets: false,
  linkSecret: 'civicloop-quiet-settings', smtpUrl: undefined, mailFrom: 'civicloop <noreply@civicloop.local>',
};
