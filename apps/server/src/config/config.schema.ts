import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { parseS3Config, type S3Config } from './s3-config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const origin = z.string().transform((value, ctx) => {
  try {
    const url = new URL(value);
    if (url.origin === 'null' || url.origin !== value.replace(/\/$/, '')) throw new Error();
    return url.origin;
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${value}" is not an origin like https://docs.example.com` });
    return z.NEVER;
  }
});

const integer = (min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: `expected a whole number from ${min} to ${max}` })
    .int(`expected a whole number from ${min} to ${max}`)
    .min(min, `expected a whole number from ${min} to ${max}`)
    .max(max, `expected a whole number from ${min} to ${max}`);

/** The environment variables the server reads (docs/architecture.md, "Server configuration"; README, "Configuration"). */
export const environmentSchema = z.object({
  PORT: integer(0, 65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  REDIS_URL: z.string().optional(),
  ALLOWED_ORIGINS: z
    .string()
    .default('http://localhost:3000,http://127.0.0.1:3000')
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(origin)),
  MAX_MESSAGE_BYTES: integer(1024, 1024 * 1024 * 1024).default(16 * 1024 * 1024),
  DOCUMENT_UNLOAD_DELAY_MS: integer(0, 24 * 60 * 60 * 1000).default(30_000),
  COMPACT_AFTER_UPDATES: integer(1, 1_000_000).default(500),
  COMPACT_AFTER_BYTES: integer(1024, 1024 * 1024 * 1024).default(4 * 1024 * 1024),
  VERSION_IDLE_MS: integer(10, 24 * 60 * 60 * 1000).default(5 * 60 * 1000),
  VERSION_INTERVAL_MS: integer(10, 7 * 24 * 60 * 60 * 1000).default(30 * 60 * 1000),
  TRASH_RETENTION_DAYS: integer(0, 36500).default(30),
  MAX_MESSAGES_PER_SECOND: integer(1, 1_000_000).default(200),
  MAX_CONNECTIONS_PER_DOCUMENT: integer(1, 1_000_000).default(500),
  MAX_GUEST_CONNECTIONS_PER_DOCUMENT: integer(0, 1_000_000).default(100),
  MAX_DOCUMENT_BYTES: integer(1024, 16 * 1024 * 1024 * 1024).default(256 * 1024 * 1024),
  MAX_AWARENESS_BYTES: integer(256, 16 * 1024 * 1024).default(64 * 1024),
  CONNECT_BURST_PER_ADDRESS: integer(1, 1_000_000).default(120),
  CONNECT_RATE_PER_ADDRESS: integer(1, 1_000_000).default(20),
  PING_INTERVAL_MS: integer(100, 10 * 60 * 1000).default(30_000),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(z.string().ip({ message: 'expected a comma-separated list of IP addresses' }))),
  MAX_BACKLOG_BYTES: integer(1024 * 1024, 16 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  AUTH_SECRET: z.string().trim().min(32, 'expected at least 32 characters, e.g. from `openssl rand -base64 32`').optional(),
  ALLOW_SIGNUP: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'expected true or false' }) })
    .default('true')
    .transform((value) => value === 'true'),
  TICKET_LIFETIME_MS: integer(1000, 60 * 60 * 1000).default(60_000),
  ACCESS_RECHECK_INTERVAL_MS: integer(500, 60 * 60 * 1000).default(30_000),
  MAX_UPLOAD_BYTES: integer(1, 1024 * 1024 * 1024 * 1024).default(25 * 1024 * 1024),
  MAX_IMPORT_BYTES: integer(1, 1024 * 1024 * 1024).default(20 * 1024 * 1024),
  FILE_TOKEN_LIFETIME_MS: integer(1000, 7 * 24 * 60 * 60 * 1000).default(60 * 60 * 1000),
  REMOTE_FETCH_ALLOW_PRIVATE_NETWORKS: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'expected true or false' }) })
    .default('false')
    .transform((value) => value === 'true'),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'expected true or false' }) })
    .default('false')
    .transform((value) => value === 'true'),
  WEBHOOK_DEBOUNCE_MS: integer(0, 24 * 60 * 60 * 1000).default(5000),
  S3_BUCKET: z.string().trim().optional(),
  S3_ENDPOINT: z.string().trim().optional(),
  S3_REGION: z.string().trim().optional(),
  S3_ACCESS_KEY_ID: z.string().trim().optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'expected true or false' }) })
    .default('false')
    .transform((value) => value === 'true'),
});

/** Where documents are stored, parsed from `DATABASE_URL`. */
export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** The server's validated configuration. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** Redis for the bus between instances (`REDIS_URL`); unset, this instance is the only one. */
  readonly redisUrl: string | undefined;
  readonly allowedOrigins: readonly string[];
  readonly maxMessageBytes: number;
  readonly documentUnloadDelayMs: number;
  /** A document's stored log is compacted into one snapshot past either bound. */
  readonly compaction: { readonly maxUpdates: number; readonly maxBytes: number };
  /**
   * Automatic versions: after `idleMs` without an edit, and at least every `intervalMs` of
   * continuous editing (`VERSION_IDLE_MS`, `VERSION_INTERVAL_MS`; tests shorten them).
   */
  readonly versions: { readonly idleMs: number; readonly intervalMs: number };
  /** How long a trashed document can be restored before the purge deletes it for good (`TRASH_RETENTION_DAYS`; 0: at the next purge). */
  readonly trashRetentionDays: number;
  /** Bytes of updates that may wait for an unreachable database before connections are closed. */
  readonly maxBacklogBytes: number;
  /** Per-connection and per-document bounds handed to the hub. */
  readonly limits: {
    readonly messagesPerSecond: number;
    readonly maxConnectionsPerDocument: number;
    /** Of those, how many may be guests on share links: members always get the rest. */
    readonly maxGuestConnectionsPerDocument: number;
    readonly maxDocumentBytes: number;
    readonly maxAwarenessBytes: number;
  };
  /** Connection attempts one address may make: a burst, then a sustained rate per second. */
  readonly connectLimit: { readonly burst: number; readonly perSecond: number };
  readonly pingIntervalMs: number;
  /** Reverse proxies whose `X-Forwarded-For` is believed. */
  readonly trustProxy: readonly string[];
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Keys the digests of sessions, tickets and tokens; unset, one is generated into DATA_DIR. */
  readonly authSecret: string | undefined;
  /** Whether people other than the administrator may create accounts. */
  readonly allowSignup: boolean;
  /** How long a socket ticket may wait before it is used (`TICKET_LIFETIME_MS`; tests shorten it). */
  readonly ticketLifetimeMs: number;
  /**
   * How often every open socket's access is re-checked although changes are pushed: the safety net
   * for a change whose message was lost, and the only way instances without Redis learn of each
   * other's changes (`ACCESS_RECHECK_INTERVAL_MS`).
   */
  readonly accessRecheckIntervalMs: number;
  /** The largest upload; a larger one is refused with 413 (`MAX_UPLOAD_BYTES`). */
  readonly maxUploadBytes: number;
  /** The largest file `POST /api/documents/import` takes; a larger one is refused with 413 (`MAX_IMPORT_BYTES`). */
  readonly maxImportBytes: number;
  /** How long a guest's file token serves their document's files (`FILE_TOKEN_LIFETIME_MS`; tests shorten it). */
  readonly fileTokenLifetimeMs: number;
  /**
   * Images pasted by URL are fetched through the outbound-request guard, which refuses loopback and
   * private networks unless `REMOTE_FETCH_ALLOW_PRIVATE_NETWORKS` allows them.
   */
  readonly remoteFetch: { readonly allowPrivateNetworks: boolean };
  /**
   * Webhooks: whether their URLs may be on loopback or private networks
   * (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`), and how long `document.updated` waits for edits to settle
   * (`WEBHOOK_DEBOUNCE_MS`).
   */
  readonly webhooks: { readonly allowPrivateNetworks: boolean; readonly debounceMs: number };
  /** Where uploaded files' bytes go when `S3_BUCKET` is set; unset, a folder in DATA_DIR. */
  readonly s3: S3Config | undefined;
}

export { ConfigError };

/** Validates the environment once, at start. */
export function parseConfig(env: NodeJS.ProcessEnv): AppConfig {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = result.data;
  const dataDir = resolve(values.DATA_DIR);
  const s3 = parseS3Config(values);
  const redisUrl = parseRedisUrl(values.REDIS_URL);
  if (redisUrl && !values.AUTH_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  AUTH_SECRET: required when REDIS_URL is set; give every instance the same value (e.g. from `openssl rand -base64 32`)',
    );
  }
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    database: parseDatabaseUrl(values.DATABASE_URL ?? `sqlite:${dataDir}/quire.db`),
    redisUrl,
    allowedOrigins: values.ALLOWED_ORIGINS,
    maxMessageBytes: values.MAX_MESSAGE_BYTES,
    documentUnloadDelayMs: values.DOCUMENT_UNLOAD_DELAY_MS,
    compaction: { maxUpdates: values.COMPACT_AFTER_UPDATES, maxBytes: values.COMPACT_AFTER_BYTES },
    versions: { idleMs: values.VERSION_IDLE_MS, intervalMs: values.VERSION_INTERVAL_MS },
    trashRetentionDays: values.TRASH_RETENTION_DAYS,
    maxBacklogBytes: values.MAX_BACKLOG_BYTES,
    limits: {
      messagesPerSecond: values.MAX_MESSAGES_PER_SECOND,
      maxConnectionsPerDocument: values.MAX_CONNECTIONS_PER_DOCUMENT,
      maxGuestConnectionsPerDocument: Math.min(values.MAX_GUEST_CONNECTIONS_PER_DOCUMENT, values.MAX_CONNECTIONS_PER_DOCUMENT),
      maxDocumentBytes: values.MAX_DOCUMENT_BYTES,
      maxAwarenessBytes: values.MAX_AWARENESS_BYTES,
    },
    connectLimit: { burst: values.CONNECT_BURST_PER_ADDRESS, perSecond: values.CONNECT_RATE_PER_ADDRESS },
    pingIntervalMs: values.PING_INTERVAL_MS,
    trustProxy: values.TRUST_PROXY,
    logLevel: values.LOG_LEVEL,
    authSecret: values.AUTH_SECRET,
    allowSignup: values.ALLOW_SIGNUP,
    ticketLifetimeMs: values.TICKET_LIFETIME_MS,
    accessRecheckIntervalMs: values.ACCESS_RECHECK_INTERVAL_MS,
    maxUploadBytes: values.MAX_UPLOAD_BYTES,
    maxImportBytes: values.MAX_IMPORT_BYTES,
    fileTokenLifetimeMs: values.FILE_TOKEN_LIFETIME_MS,
    remoteFetch: { allowPrivateNetworks: values.REMOTE_FETCH_ALLOW_PRIVATE_NETWORKS },
    webhooks: { allowPrivateNetworks: values.WEBHOOK_ALLOW_PRIVATE_NETWORKS, debounceMs: values.WEBHOOK_DEBOUNCE_MS },
    s3,
  };
}

function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new ConfigError('Invalid configuration:\n  DATABASE_URL: expected sqlite:<path to file>');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  if (/^postgres(ql)?:\/\/./.test(url)) {
    return { kind: 'postgres', url };
  }
  throw new ConfigError(
    'Invalid configuration:\n  DATABASE_URL: expected sqlite:<path> or postgres://user@host:port/database (or leave it unset for DATA_DIR/quire.db)',
  );
}

function parseRedisUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url.trim());
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || parsed.hostname === '') {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL: expected redis://[user:password@]host:port[/db] or rediss://… (or leave it unset for a single instance)',
    );
  }
  return url.trim();
}
