import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from './blob-store';
import { FakeS3 } from './fake-s3.testing';
import { LocalBlobStore } from './local-blob-store';
import { S3BlobStore } from './s3-blob-store';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What every blob store promises (blob-store.ts), run against each adapter. */
function describeBlobStoreContract(name: string, make: () => BlobStore, checks: { afterPut?: (id: string, bytes: Buffer) => void } = {}): void {
  describe(name, () => {
    const spools = mkdtempSync(join(tmpdir(), 'quire-spool-'));
    let counter = 0;
    afterAll(() => rmSync(spools, { recursive: true, force: true }));

    function spooled(bytes: Buffer): string {
      const path = join(spools, `upload-${counter++}`);
      writeFileSync(path, bytes, { mode: 0o600 });
      return path;
    }

    it('stores a file under its id and gives its bytes back, taking the spool file over', async () => {
      const store = make();
      const bytes = Buffer.alloc(300_000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;
      const path = spooled(bytes);
      await store.put('file-1', path, bytes.length);
      expect(() => statSync(path)).toThrow(/ENOENT/);
      const read = await bytesOf((await store.open('file-1'))!);
      // Compared as buffers: a deep equality over 300,000 elements takes seconds.
      expect(read.length).toBe(bytes.length);
      expect(read.equals(bytes)).toBe(true);
      checks.afterPut?.('file-1', bytes);
    });

    it('gives nothing for an id with nothing stored, and removes a file once (and again without complaint)', async () => {
      const store = make();
      expect(await store.open('never-stored')).toBeUndefined();
      await store.put('file-2', spooled(Buffer.from('x')), 1);
      await store.remove('file-2');
      expect(await store.open('file-2')).toBeUndefined();
      await store.remove('file-2');
      await store.remove('never-stored');
    });

    it('keeps files apart, and stores an empty one', async () => {
      const store = make();
      await store.put('a', spooled(Buffer.from('first')), 5);
      await store.put('b', spooled(Buffer.alloc(0)), 0);
      expect((await bytesOf((await store.open('a'))!)).toString()).toBe('first');
      expect((await bytesOf((await store.open('b'))!)).length).toBe(0);
    });

    it('says what it is, without a secret', () => {
      expect(make().description).not.toMatch(/secret/i);
    });
  });
}

describe('LocalBlobStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'quire-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describeBlobStoreContract('contract', () => new LocalBlobStore(join(root, 'files')), {
    afterPut: (id) => {
      // Owner-only, like the rest of DATA_DIR: the spool file's mode carries over.
      expect(statSync(join(root, 'files', id)).mode & 0o777).toBe(0o600);
      expect(statSync(join(root, 'files')).mode & 0o777).toBe(0o700);
    },
  });

  it('refuses an id that could name another path', async () => {
    const store = new LocalBlobStore(join(root, 'files'));
    await expect(store.open('../etc')).rejects.toThrow(/Not a file id/);
    await expect(store.remove('a/b')).rejects.toThrow(/Not a file id/);
  });

  it('removes the spool file when it cannot store it', async () => {
    const spool = join(root, 'spool');
    writeFileSync(spool, 'x');
    // A regular file where the folder should be: nothing can be stored under it.
    writeFileSync(join(root, 'not-a-folder'), '');
    await expect(new LocalBlobStore(join(root, 'not-a-folder')).put('x', spool, 1)).rejects.toThrow();
    expect(readdirSync(root)).not.toContain('spool');
  });
});

describe('S3BlobStore, against a fake S3', () => {
  const s3 = new FakeS3();
  let endpoint = '';
  const stores: S3BlobStore[] = [];
  beforeAll(async () => {
    endpoint = await s3.start();
  });
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
  });
  afterAll(() => s3.stop());

  const make = () => {
    const store = new S3BlobStore({
      bucket: 'quire',
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'a-secret-key' },
      forcePathStyle: true,
    });
    stores.push(store);
    return store;
  };

  describeBlobStoreContract('contract', make, {
    afterPut: (id, bytes) => {
      expect(s3.objects.get(`/quire/files/${id}`)?.equals(bytes)).toBe(true);
      expect(s3.requests.every((request) => request.signed)).toBe(true);
    },
  });

  it('names objects files/<id> in the bucket, path-style', async () => {
    const store = make();
    const path = join(mkdtempSync(join(tmpdir(), 'quire-spool-')), 'upload');
    writeFileSync(path, 'named');
    await store.put('named-1', path, 5);
    expect(s3.requests.at(-1)).toMatchObject({ method: 'PUT', path: '/quire/files/named-1' });
    expect(store.description).toBe(`the S3 bucket quire at ${endpoint}`);
  });
});
