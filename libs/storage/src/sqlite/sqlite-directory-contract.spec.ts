import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDirectoryContract } from '../testing';
import { addSqliteDocumentWithoutOwner } from '../testing/documents-without-owner';
import { SqliteStorage } from './sqlite-storage';

// A fresh file per test; the second instance opens the same file, as a second process would.
describeDirectoryContract('SqliteStorage directory', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-directory-'));
  const path = join(directory, 'quire.db');
  return {
    storage: new SqliteStorage({ path }),
    another: async () => new SqliteStorage({ path }),
    addDocumentWithoutOwner: async (id, title) => addSqliteDocumentWithoutOwner(path, id, title),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});
