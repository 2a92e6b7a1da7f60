import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.schema';

describe('parseConfig', () => {
  it('gives the documented defaults', () => {
    const config = parseConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config.database).toEqual({ kind: 'sqlite', path: resolve('./data/quire.db') });
    expect(config.allowedOrigins).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000']);
    expect(config.maxMessageBytes).toBe(16_777_216);
    expect(config.redisUrl).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = parseConfig({
      PORT: '4100',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/q',
      DATABASE_URL: 'sqlite:/tmp/other.db',
      ALLOWED_ORIGINS: 'https://docs.example.com, http://localhost:3001/',
      MAX_MESSAGE_BYTES: '2048',
    });
    expect(config).toMatchObject({
      port: 4100,
      host: '0.0.0.0',
      dataDir: '/tmp/q',
      database: { kind: 'sqlite', path: '/tmp/other.db' },
      allowedOrigins: ['https://docs.example.com', 'http://localhost:3001'],
      maxMessageBytes: 2048,
    });
  });

  it('names the variable and what it expects', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(/PORT="abc": expected a whole number from 0 to 65535/);
    expect(() => parseConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => parseConfig({ ALLOWED_ORIGINS: 'localhost:3000' })).toThrow(/ALLOWED_ORIGINS.*not an origin/);
    expect(() => parseConfig({ ALLOWED_ORIGINS: 'https://x.com/path' })).toThrow(/not an origin/);
    expect(() => parseConfig({ MAX_MESSAGE_BYTES: '10' })).toThrow(/MAX_MESSAGE_BYTES/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads when automatic versions are made: 5 and 30 minutes by default', () => {
    expect(parseConfig({}).versions).toEqual({ idleMs: 300_000, intervalMs: 1_800_000 });
    expect(parseConfig({ VERSION_IDLE_MS: '200', VERSION_INTERVAL_MS: '1000' }).versions).toEqual({ idleMs: 200, intervalMs: 1000 });
    expect(() => parseConfig({ VERSION_IDLE_MS: '0' })).toThrow(/VERSION_IDLE_MS="0": expected a whole number/);
  });

  it('reads limits and trusted proxies', () => {
    const config = parseConfig({ MAX_MESSAGES_PER_SECOND: '50', TRUST_PROXY: '10.0.0.1, ::1', PING_INTERVAL_MS: '500' });
    expect(config.limits.messagesPerSecond).toBe(50);
    expect(config.trustProxy).toEqual(['10.0.0.1', '::1']);
    expect(config.pingIntervalMs).toBe(500);
    expect(() => parseConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY.*IP addresses/);
  });

  it('reads the import limit: 20 MiB by default, a whole number of bytes', () => {
    expect(parseConfig({}).maxImportBytes).toBe(20 * 1024 * 1024);
    expect(parseConfig({ MAX_IMPORT_BYTES: '1048576' }).maxImportBytes).toBe(1_048_576);
    expect(() => parseConfig({ MAX_IMPORT_BYTES: '0' })).toThrow(/MAX_IMPORT_BYTES="0": expected a whole number/);
  });

  it('reads the upload limit and file-token lifetime, and keeps files in DATA_DIR unless S3_BUCKET is set', () => {
    const defaults = parseConfig({});
    expect(defaults.maxUploadBytes).toBe(25 * 1024 * 1024);
    expect(defaults.fileTokenLifetimeMs).toBe(60 * 60 * 1000);
    expect(defaults.trashRetentionDays).toBe(30);
    expect(parseConfig({ TRASH_RETENTION_DAYS: '0' }).trashRetentionDays).toBe(0);
    expect(() => parseConfig({ TRASH_RETENTION_DAYS: '-1' })).toThrow(/TRASH_RETENTION_DAYS/);
    expect(defaults.s3).toBeUndefined();
    expect(parseConfig({ MAX_UPLOAD_BYTES: '1048576', FILE_TOKEN_LIFETIME_MS: '5000' })).toMatchObject({ maxUploadBytes: 1_048_576, fileTokenLifetimeMs: 5000 });
    expect(() => parseConfig({ MAX_UPLOAD_BYTES: '0' })).toThrow(/MAX_UPLOAD_BYTES="0": expected a whole number/);
    expect(() => parseConfig({ FILE_TOKEN_LIFETIME_MS: '10' })).toThrow(/FILE_TOKEN_LIFETIME_MS/);
  });

  it('keeps outbound requests (pasted images, webhooks) off private networks unless told, and debounces document.updated by 5 s', () => {
    const defaults = parseConfig({});
    expect(defaults.remoteFetch).toEqual({ allowPrivateNetworks: false });
    expect(defaults.webhooks).toEqual({ allowPrivateNetworks: false, debounceMs: 5000 });
    const allowed = parseConfig({ REMOTE_FETCH_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_DEBOUNCE_MS: '100' });
    expect(allowed.remoteFetch).toEqual({ allowPrivateNetworks: true });
    expect(allowed.webhooks).toEqual({ allowPrivateNetworks: true, debounceMs: 100 });
    expect(() => parseConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE_NETWORKS="yes": expected true or false/);
  });

  it('reads S3 settings, and refuses half of them', () => {
    expect(parseConfig({ S3_BUCKET: 'quire-files' }).s3).toEqual({
      bucket: 'quire-files',
      endpoint: undefined,
      region: 'us-east-1',
      credentials: undefined,
      forcePathStyle: false,
    });
    expect(
      parseConfig({
        S3_BUCKET: 'quire',
        S3_ENDPOINT: 'http://minio:9000',
        S3_REGION: 'eu-west-3',
        S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
      }).s3,
    ).toEqual({
      bucket: 'quire',
      endpoint: 'http://minio:9000',
      region: 'eu-west-3',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
    expect(() => parseConfig({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_BUCKET: required when S3_ENDPOINT is set/);
    expect(() => parseConfig({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'id' })).toThrow(/set both, or neither/);
    expect(() => parseConfig({ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT="minio:9000": expected a URL/);
    expect(() => parseConfig({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE="yes": expected true or false/);
  });

  it('chooses PostgreSQL from a postgres:// DATABASE_URL', () => {
    expect(parseConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/test',
    });
    expect(parseConfig({ DATABASE_URL: 'postgresql://u@h/db' }).database.kind).toBe('postgres');
  });

  it('reads REDIS_URL, and refuses what is not a Redis URL without echoing a password', () => {
    const AUTH_SECRET = 'a'.repeat(32);
    expect(parseConfig({ REDIS_URL: 'redis://127.0.0.1:6379', AUTH_SECRET }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(parseConfig({ REDIS_URL: 'rediss://user:secret@redis.example:6380/2', AUTH_SECRET }).redisUrl).toBe(
      'rediss://user:secret@redis.example:6380/2',
    );
    expect(parseConfig({ REDIS_URL: '' }).redisUrl).toBeUndefined();
    for (const bad of ['127.0.0.1:6379', 'http://redis:6379', 'redis://', 'redis:secret@']) {
      expect(() => parseConfig({ REDIS_URL: bad }), bad).toThrow(/REDIS_URL: expected redis:\/\//);
    }
    expect(() => parseConfig({ REDIS_URL: 'http://u:secret@h' })).not.toThrow(/secret/);
  });

  it('requires one AUTH_SECRET for several instances, and reads ALLOW_SIGNUP', () => {
    expect(() => parseConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/AUTH_SECRET: required when REDIS_URL is set/);
    expect(() => parseConfig({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET.*at least 32 characters/);
    expect(parseConfig({}).allowSignup).toBe(true);
    expect(parseConfig({ ALLOW_SIGNUP: 'false' }).allowSignup).toBe(false);
    expect(() => parseConfig({ ALLOW_SIGNUP: 'no' })).toThrow(/ALLOW_SIGNUP.*expected true or false/);
  });

  it('reads TICKET_LIFETIME_MS, 60 s unless set', () => {
    expect(parseConfig({}).ticketLifetimeMs).toBe(60_000);
    expect(parseConfig({ TICKET_LIFETIME_MS: '1500' }).ticketLifetimeMs).toBe(1500);
    expect(() => parseConfig({ TICKET_LIFETIME_MS: '999' })).toThrow(/TICKET_LIFETIME_MS="999": expected a whole number from 1000 to 3600000/);
  });
});
