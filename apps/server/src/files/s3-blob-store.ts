import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3Config } from '../config/s3-config';
import type { BlobStore } from './blob-store';

/** Objects are named `files/<id>`, leaving the rest of the bucket to whatever else uses it. */
const KEY_PREFIX = 'files/';

/**
 * Files' bytes in an S3-compatible bucket (`S3_BUCKET`…), through the AWS SDK: what several
 * instances share without a shared folder. A PUT is atomic: an object exists whole or not at all.
 */
export class S3BlobStore implements BlobStore {
  readonly description: string;
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.description = `the S3 bucket ${config.bucket}${config.endpoint ? ` at ${config.endpoint}` : ` in ${config.region}`}`;
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
      forcePathStyle: config.forcePathStyle,
      // Checksums only where S3 requires them: several S3-compatible services refuse the
      // SDK's newer default (streamed, trailing CRC32 checksums).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(id: string, path: string, bytes: number): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.config.bucket, Key: KEY_PREFIX + id, Body: createReadStream(path), ContentLength: bytes }),
      );
    } finally {
      await unlink(path).catch(() => undefined);
    }
  }

  async open(id: string): Promise<Readable | undefined> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: KEY_PREFIX + id }));
      if (answer.Body instanceof Readable) return answer.Body;
      throw new Error(`S3 answered GetObject for ${KEY_PREFIX + id} without a readable body`);
    } catch (error) {
      if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return undefined;
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    // S3 answers a DELETE of a missing key with success too.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: KEY_PREFIX + id }));
  }

  close(): void {
    this.client.destroy();
  }
}
