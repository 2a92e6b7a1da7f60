import type { Readable } from 'node:stream';

/**
 * Where uploaded files' bytes are kept, each under its file's id: a folder in DATA_DIR
 * ({@link LocalBlobStore}) or an S3-compatible bucket ({@link S3BlobStore}). Who may read a file is
 * not its business: the directory's records decide that, and the server asks the store only for
 * files it has decided to serve.
 */
export interface BlobStore {
  /**
   * Stores the file spooled at `path` (`bytes` long) under `id`, and takes the spool file over: it
   * is gone once the promise settles, stored or not. Resolves once the bytes are durable; until
   * then nothing is stored under `id`, so a crash never leaves half a file to serve.
   */
  put(id: string, path: string, bytes: number): Promise<void>;
  /** The bytes stored under `id`, or undefined when there are none. */
  open(id: string): Promise<Readable | undefined>;
  /** Removes what is stored under `id`; removing what is not there is not an error. */
  remove(id: string): Promise<void>;
  /** What the store is, for the start-up log line (never a secret). */
  readonly description: string;
}

/** Injection token of the server's {@link BlobStore}. */
export const BLOB_STORE = Symbol('BLOB_STORE');
