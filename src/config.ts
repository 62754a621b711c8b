/**
 * The one module that reads process.env: every setting, its default and its check.
 * With nothing set, civicloop runs on the embedded database in ./data with demo data.
 */
import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const EnvSchema = z.object({
  /** PostgreSQL connection string; unset → the embedded database (PGlite). */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database and uploaded files live. */
  CIVICLOOP_DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Where photos are kept: `db` (the attachment_blobs table), `dir` (<data dir>/files) or `s3` (a bucket of an
   * S3-compatible object store, settings below); unset → `db` on PostgreSQL (every instance sees every photo, a
   * backup holds them), `dir` on the embedded database.
   */
  CIVICLOOP_ATTACHMENT_STORE: z.enum(['db', 'dir', 's3']).optional(),
  /** The S3-compatible store (`CIVICLOOP_ATTACHMENT_STORE=s3`): its address (path-style, e.g. http://minio:9000), bucket and credentials. */
  CIVICLOOP_S3_ENDPOINT: z.string().url().optional(),
  CIVICLOOP_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'S3 存储桶名：3–63 个小写字母、数字、点或连字符 / an S3 bucket name (3–63 lowercase letters, digits, dots, hyphens)').optional(),
  CIVICLOOP_S3_REGION: z.string().min(1).default('us-east-1'),
  CIVICLOOP_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  CIVICLOOP_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Create demo users and cases; on by default for the embedded database, off for PostgreSQL. */
  CIVICLOOP_DEMO: booleanFlag.optional(),
  /** HTTP port and host. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Session lifetime in hours. */
  CIVICLOOP_SESSION_HOURS: z.coerce.number().positive().default(12),
  /** A session unused for this many minutes ends (issue 19 §4). */
  CIVICLOOP_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  /** Anonymous reports allowed per IP per minute. */
  CIVICLOOP_ANON_REPORTS_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /**
   * Redis for the rate-limit counters (redis://host:6379); unset → the counters live in the database
   * (table rate_limit_counters), shared by every instance either way. REDIS_URL is read when this is unset.
   */
  CIVICLOOP_REDIS_URL: z.string().url().refine((url) => /^rediss?:/.test(url), 'redis:// 或 rediss:// 地址 / a redis:// or rediss:// URL').optional(),
  REDIS_URL: z.string().url().refine((url) => /^rediss?:/.test(url), 'redis:// 或 rediss:// 地址 / a redis:// or rediss:// URL').optional(),
  /** Open311 writes allowed per API key (or per address without one) per minute. */
  CIVICLOOP_OPEN311_WRITES_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Mark cookies Secure (set behind HTTPS). */
  CIVICLOOP_SECURE_COOKIES: booleanFlag.default(false),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs, e.g.
   * `127.0.0.1,10.0.0.0/8`); unset → the connecting address is the client, whatever headers say.
   */
  CIVICLOOP_TRUST_PROXY: z.string().default('').transform((text) => text.split(',').map((item) => item.trim()).filter(Boolean)),
  /** Log level for the server. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** pretty: one readable line per entry; json: one JSON object per line; unset: pretty on a terminal. */
  CIVICLOOP_LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** Seconds between warning sweeps inside the server; 0 turns the in-process sweep off. */
  CIVICLOOP_SWEEP_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Minutes between retrainings of the dispatch suggestion model inside the server; 0 turns it off. */
  CIVICLOOP_DISPATCH_RETRAIN_MINUTES: z.coerce.number().int().min(0).default(60),
  /** Days after closing during which a supervisor may reopen a case. */
  CIVICLOOP_REOPEN_WINDOW_DAYS: z.coerce.number().int().positive().default(30),
  /** Proxies whose Host and X-Forwarded-* headers are believed (comma-separated addresses/CIDRs); empty: none. */
  /** The address the public reaches this server at: Open311 discovery, feed and unsubscribe links. */
  CIVICLOOP_PUBLIC_URL: z.string().url().optional(),
  /** Which media_url hosts Open311 intake fetches: public (no loopback/private addresses), any, or off. */
  CIVICLOOP_MEDIA_FETCH: z.enum(['public', 'any', 'off']).default('public'),
  /** Webhook targets allowed on loopback/private addresses (a partner inside the government network). */
  CIVICLOOP_WEBHOOK_PRIVATE_TARGETS: booleanFlag.default(false),
  /** First webhook retry after this many milliseconds, doubling per attempt. */
  CIVICLOOP_WEBHOOK_RETRY_MS: z.coerce.number().int().min(0).default(30_000),
  /** A webhook delivery goes to the dead-letter list after this many failed attempts. */
  CIVICLOOP_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(8).default(8),
  /** Outgoing mail: SMTP server as smtp://user:pass@host:port (unset: mail is logged, not sent) and sender. */
  CIVICLOOP_SMTP_URL: z.string().url().optional(),
  CIVICLOOP_MAIL_FROM: z.string().default('civicloop <noreply@civicloop.local>'),
  /** Signs unsubscribe links; set it in production so links survive restarts (default: derived per data dir). */
  CIVICLOOP_LINK_SECRET: z.string().min(16).optional(),
  /**
   * The Ed25519 private key (PKCS#8 PEM) that signs timeline anchors (ADR 0037); unset → the key file below.
   * Keep it outside the database: whoever holds it can sign anchors.
   */
  CIVICLOOP_TIMELINE_KEY: z.string().includes('PRIVATE KEY').optional(),
  /** Where the anchor key is kept when CIVICLOOP_TIMELINE_KEY is unset; created by `civicloop anchors create`. */
  CIVICLOOP_TIMELINE_KEY_FILE: z.string().min(1).optional(),
  /** Hours between the server's signing of timeline anchors (only once a key exists); 0 turns it off. */
  CIVICLOOP_ANCHOR_HOURS: z.coerce.number().min(0).default(24),
  /**
   * Base map: an XYZ raster tile URL with {z}/{x}/{y} (and optionally {s}) in WGS-84/CGCS2000 Web Mercator,
   * e.g. 天地图 or a self-hosted server (docs/adr/0007); unset → the offline style (streets and grids only).
   */
  CIVICLOOP_TILE_URL: z.string().url().refine((url) => url.includes('{z}') && url.includes('{x}') && url.includes('{y}'), 'needs {z}, {x} and {y}').optional(),
  /** The attribution the tile source requires, shown in the map's corner. */
  CIVICLOOP_TILE_ATTRIBUTION: z.string().max(200).optional(),
}).superRefine((value, context) => {
  if (value.CIVICLOOP_ATTACHMENT_STORE !== 's3') return;
  for (const name of ['CIVICLOOP_S3_ENDPOINT', 'CIVICLOOP_S3_BUCKET', 'CIVICLOOP_S3_ACCESS_KEY_ID', 'CIVICLOOP_S3_SECRET_ACCESS_KEY'] as const) {
    if (!value[name]) context.addIssue({ code: 'custom', path: [name], message: '使用 S3 存储照片时必填 / required when CIVICLOOP_ATTACHMENT_STORE=s3' });
  }
});

/** The environment, read into the settings the app uses. */
const ConfigSchema = EnvSchema.transform((value) => ({
  databaseUrl: value.DATABASE_URL,
  dataDir: value.CIVICLOOP_DATA_DIR,
  attachmentStore: value.CIVICLOOP_ATTACHMENT_STORE,
  s3: value.CIVICLOOP_ATTACHMENT_STORE === 's3'
    ? { endpoint: value.CIVICLOOP_S3_ENDPOINT!.replace(/\/+$/, ''), bucket: value.CIVICLOOP_S3_BUCKET!, region: value.CIVICLOOP_S3_REGION, accessKeyId: value.CIVICLOOP_S3_ACCESS_KEY_ID!, secretAccessKey: value.CIVICLOOP_S3_SECRET_ACCESS_KEY! }
    : undefined,
  demo: value.CIVICLOOP_DEMO ?? !value.DATABASE_URL,
  port: value.PORT,
  host: value.HOST,
  sessionHours: value.CIVICLOOP_SESSION_HOURS,
  sessionIdleMinutes: value.CIVICLOOP_SESSION_IDLE_MINUTES,
  anonReportsPerMinute: value.CIVICLOOP_ANON_REPORTS_PER_MINUTE,
  open311WritesPerMinute: value.CIVICLOOP_OPEN311_WRITES_PER_MINUTE,
  redisUrl: value.CIVICLOOP_REDIS_URL ?? value.REDIS_URL,
  secureCookies: value.CIVICLOOP_SECURE_COOKIES,
  trustProxy: value.CIVICLOOP_TRUST_PROXY,
  logLevel: value.LOG_LEVEL,
  logFormat: value.CIVICLOOP_LOG_FORMAT,
  reopenWindowDays: value.CIVICLOOP_REOPEN_WINDOW_DAYS,
  sweepSeconds: value.CIVICLOOP_SWEEP_SECONDS,
  dispatchRetrainMinutes: value.CIVICLOOP_DISPATCH_RETRAIN_MINUTES,
  publicUrl: (value.CIVICLOOP_PUBLIC_URL ?? `http://${value.HOST}:${value.PORT}`).replace(/\/+$/, ''),
  mediaFetch: value.CIVICLOOP_MEDIA_FETCH,
  webhookPrivateTargets: value.CIVICLOOP_WEBHOOK_PRIVATE_TARGETS,
  webhookRetryMs: value.CIVICLOOP_WEBHOOK_RETRY_MS,
  webhookMaxAttempts: value.CIVICLOOP_WEBHOOK_MAX_ATTEMPTS,
  smtpUrl: value.CIVICLOOP_SMTP_URL,
  mailFrom: value.CIVICLOOP_MAIL_FROM,
  timelineKey: { pem: value.CIVICLOOP_TIMELINE_KEY?.replace(/\\n/g, '\n'), file: value.CIVICLOOP_TIMELINE_KEY_FILE ?? `${value.CIVICLOOP_DATA_DIR}/timeline-anchor-key.pem` },
  anchorHours: value.CIVICLOOP_ANCHOR_HOURS,
  map: { tileUrl: value.CIVICLOOP_TILE_URL ?? null, tileAttribution: value.CIVICLOOP_TILE_ATTRIBUTION ?? null },
  linkSecret: value.CIVICLOOP_LINK_SECRET ?? `civicloop-links:${value.CIVICLOOP_DATA_DIR}:${value.DATABASE_URL ?? ''}`,
}));

/** The app's settings: inferred from the schema, so a new setting is declared once. */
export type AppConfig = z.output<typeof ConfigSchema>;

/**
 * Reads and validates the environment, throwing one error that lists every problem.
 * @param env the environment to read (process.env by default)
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration / 配置有误:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
