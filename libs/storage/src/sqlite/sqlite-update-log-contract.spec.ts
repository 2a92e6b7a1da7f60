import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeUpdateLogContract, withOwnedDocuments } from '../testing';
import { compiledLogWriter } from '../testing/compiled-log-writer';
import { SqliteStorage, type SqliteStorageOptions } from './sqlite-storage';

// A fresh file per test, in a directory the storage must create, reopened by a new instance.
describeUpdateLogContract('SqliteStorage log (file)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-storage-'));
  const path = join(directory, 'data', 'quire.db');
  return {
    storage: withOwnedDocuments(new SqliteStorage({ path })),
    reopen: async () => withOwnedDocuments(new SqliteStorage({ path })),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});

// The faster setting must keep the same semantics.
describeUpdateLogContract('SqliteStorage log (file, synchronous NORMAL)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-storage-'));
  const path = join(directory, 'quire.db');
  return {
    storage: withOwnedDocuments(new SqliteStorage({ path, synchronous: 'NORMAL' })),
    reopen: async () => withOwnedDocuments(new SqliteStorage({ path, synchronous: 'NORMAL' })),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});

// The server's configuration: appends and compactions commit on the writer thread.
describeUpdateLogContract('SqliteStorage log (file, writer thread)', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-storage-'));
  const options: SqliteStorageOptions = { path: join(directory, 'quire.db'), logWriterFile: compiledLogWriter() };
  return {
    storage: withOwnedDocuments(new SqliteStorage(options)),
    reopen: async () => withOwnedDocuments(new SqliteStorage(options)),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});
