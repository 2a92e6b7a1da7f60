import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFolderContract } from '../testing';
import { sqlFolderFixture } from '../testing/sql-folder-fixture';
import { SqliteStorage } from './sqlite-storage';

// A fresh file per test.
describeFolderContract('SqliteStorage folders', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-folders-'));
  return sqlFolderFixture(new SqliteStorage({ path: join(directory, 'quire.db') }), () => rm(directory, { recursive: true, force: true }));
});
