import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAccountStoreContract } from '../testing';
import { SqliteDocumentStore } from './sqlite-document-store';

// A fresh file per test; the second instance opens the same file, as a second process would.
describeAccountStoreContract('SqliteDocumentStore accounts', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-accounts-'));
  const path = join(directory, 'quire.db');
  return {
    store: new SqliteDocumentStore({ path }),
    another: async () => new SqliteDocumentStore({ path }),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});
