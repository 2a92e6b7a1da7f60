import { join } from 'node:path';
import type { AppConfig } from '../config/config.schema';
import type { BlobStore } from './blob-store';
import { LocalBlobStore } from './local-blob-store';

/**
 * The blob store the configuration names: an S3-compatible bucket when `S3_BUCKET` is set, else
 * `DATA_DIR/files`. The AWS SDK is loaded only when it is used: it is large, and a server without
 * S3 settings never needs it.
 */
export async function openBlobStore(config: AppConfig): Promise<BlobStore> {
  if (!config.s3) return new LocalBlobStore(join(config.dataDir, 'files'));
  const { S3BlobStore } = await import('./s3-blob-store.js');
  return new S3BlobStore(config.s3);
}
