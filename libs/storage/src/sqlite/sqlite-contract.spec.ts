import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDocumentStoreContract } from '../testing';
import { SqliteDocumentStore } from './sqlite-document-store';

// A fresh file per test, in a directory the store must create, reopened by a new instance.
describeDocumentStoreContract('SqliteDocumentStore (file)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-storage-'));
  const path = join(directory, 'data', 'quire.db');
  return {
    store: new SqliteDocumentStore({ path }),
    reopen: async () => new SqliteDocumentStore({ path }),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});

// The faster setting must keep the same semantics.
describeDocumentStoreContract('SqliteDocumentStore (file, synchronous NORMAL)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-storage-'));
  const path = join(directory, 'quire.db');
  return {
    store: new SqliteDocumentStore({ path, synchronous: 'NORMAL' }),
    reopen: async () => new SqliteDocumentStore({ path, synchronous: 'NORMAL' }),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});
