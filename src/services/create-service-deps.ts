import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppConfig } from '../config.ts';
import { createCalendarCache } from './calendar/index.ts';
import { withAfterCommit } from './case/index.ts';
import type { ServiceDeps } from './service-deps.ts';

/** The services' dependencies for a process: its database, its clock (real time unless a test passes one) and settings. */
export function createServiceDeps(db: Kysely<Database>, config: AppConfig, clock: () => Date = () => new Date()): ServiceDeps {
  return withAfterCommit({
    db,
    clock,
    calendar: createCalendarCache(db),
    settings: {
      sessionHours: config.sessionHours, sessionIdleMinutes: config.sessionIdleMinutes, reopenWindowDays: config.reopenWindowDays,
      integrations: {
        publicUrl: config.publicUrl, webhookRetryMs: config.webhookRetryMs, webhookMaxAttempts: config.webhookMaxAttempts,
        webhookPrivateTargets: config.webhookPrivateTargets, linkSecret: config.linkSecret, smtpUrl: config.smtpUrl, mailFrom: config.mailFrom,
      },
    },
  });
}
