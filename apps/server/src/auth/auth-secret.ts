import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';

const FILE = 'auth-secret';

/**
 * AUTH_SECRET if configured; otherwise the one generated into DATA_DIR on first start (readable by
 * this user only), so a single instance needs no setting. Several instances must share one secret,
 * so configuration validation requires AUTH_SECRET when REDIS_URL is set.
 */
export function resolveAuthSecret(configured: string | undefined, dataDir: string, logger: Logger): string {
  if (configured) return configured;
  const path = join(dataDir, FILE);
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Owner-only, like the database beside it (a directory that exists keeps its permissions).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  // 'wx': if another process made it meanwhile, fail rather than replace theirs; then read theirs.
  try {
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    logger.info({ path }, 'Generated AUTH_SECRET into the data directory');
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8').trim();
    throw error;
  }
}
