import { randomBytes } from 'node:crypto';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** A spool file this old belongs to no upload still arriving (the server's request timeout is 5 minutes). */
export const STALE_SPOOL_MS = 60 * 60 * 1000;

/**
 * The folder uploads arrive in (`DATA_DIR/files-incoming`), beside `DATA_DIR/files`: on the same
 * file system, so that a finished upload is renamed into place. A crash leaves spool files here,
 * never in `files`; they are removed at the next start once they are stale (another instance
 * sharing the folder may still be writing a fresh one).
 */
export class UploadSpool {
  constructor(readonly folder: string) {}

  /** Makes the folder if it is missing. */
  async ready(): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
  }

  /** A new, unused path in the folder (which {@link ready} made). */
  newPath(): string {
    return join(this.folder, randomBytes(12).toString('base64url'));
  }

  /** Removes spool files older than `olderThanMs`; resolves how many. */
  async removeStale(now: number = Date.now(), olderThanMs: number = STALE_SPOOL_MS): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.folder, name);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile() || now - info.mtimeMs < olderThanMs) continue;
      await unlink(path).catch(() => undefined);
      removed++;
    }
    return removed;
  }
}
