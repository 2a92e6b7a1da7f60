import { statSync } from 'node:fs';
import type { Logger } from 'pino';

/**
 * Warns about each existing directory that other users of the machine can read or write: DATA_DIR
 * and the SQLite database's holds password hashes, the digests of sessions and tokens, and maybe the
 * generated AUTH_SECRET. Quire creates them owner-only (0700) but leaves existing ones as they are,
 * since an operator may have reasons (a backup user's group); it says so once at start.
 */
export function warnIfOthersCanRead(directories: readonly string[], logger: Logger): void {
  for (const directory of new Set(directories)) {
    let mode: number;
    try {
      mode = statSync(directory).mode;
    } catch {
      continue; // Not made yet: it will be made owner-only.
    }
    if ((mode & 0o077) === 0) continue;
    logger.warn(
      { path: directory, mode: (mode & 0o777).toString(8) },
      `${directory} can be read or written by other users of this machine; it holds password hashes and secrets: run chmod 700 ${directory}`,
    );
  }
}
