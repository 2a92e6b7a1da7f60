import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAuthSecret } from './auth-secret';

const silent = pino({ level: 'silent' });

describe('resolveAuthSecret', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it('generates the secret into a new owner-only DATA_DIR (0700), in an owner-only file (0600), once', () => {
    const root = mkdtempSync(join(tmpdir(), 'quire-secret-'));
    made.push(root);
    const dataDir = join(root, 'data');

    const secret = resolveAuthSecret(undefined, dataDir, silent);

    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(join(dataDir, 'auth-secret')).mode & 0o777).toString(8)).toBe('600');
    expect(readFileSync(join(dataDir, 'auth-secret'), 'utf8').trim()).toBe(secret);
    expect(resolveAuthSecret(undefined, dataDir, silent)).toBe(secret);
  });

  it('uses AUTH_SECRET when configured, and writes nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'quire-secret-'));
    made.push(root);
    expect(resolveAuthSecret('x'.repeat(40), join(root, 'data'), silent)).toBe('x'.repeat(40));
    expect(() => statSync(join(root, 'data'))).toThrow();
  });
});
