import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePeopleContract } from '../testing';
import { sqlPeopleFixture } from '../testing/sql-people-fixture';
import { SqliteStorage } from './sqlite-storage';

// A fresh file per test.
describePeopleContract('SqliteStorage people', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-people-'));
  return sqlPeopleFixture(new SqliteStorage({ path: join(directory, 'quire.db') }), () => rm(directory, { recursive: true, force: true }));
});
