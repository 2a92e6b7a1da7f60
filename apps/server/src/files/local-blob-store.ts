import { createReadStream } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore } from './blob-store';

/**
 * Files' bytes in a folder on this machine (`DATA_DIR/files/<id>`, the default): owner-only, like
 * the rest of DATA_DIR. The spool file is on the same file system and is renamed into place, which
 * is atomic: a file appears whole or not at all. Several instances need one shared folder (or S3).
 */
export class LocalBlobStore implements BlobStore {
  readonly description: string;

  constructor(private readonly root: string) {
    this.description = `the folder ${root}`;
  }

  async put(id: string, path: string, _bytes: number): Promise<void> {
    try {
      await mkdir(this.root, { recursive: true, mode: 0o700 });
      await rename(path, this.pathOf(id));
      // The rename is durable once the folder's entry is: otherwise a power cut could lose a file
      // whose record the database already holds.
      await syncFolder(this.root);
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
  }

  async open(id: string): Promise<Readable | undefined> {
    const stream = createReadStream(this.pathOf(id));
    // Opening is asynchronous: wait for it, so that a missing file is `undefined`, not a stream error.
    return new Promise((resolve, reject) => {
      stream.once('ready', () => resolve(stream));
      stream.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(undefined) : reject(error)));
    });
  }

  async remove(id: string): Promise<void> {
    await unlink(this.pathOf(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  private pathOf(id: string): string {
    // Ids are made by the server (base64url), never taken from a request: still, refuse anything
    // that could name another path.
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) throw new Error(`Not a file id: ${JSON.stringify(id)}`);
    return join(this.root, id);
  }
}

async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
