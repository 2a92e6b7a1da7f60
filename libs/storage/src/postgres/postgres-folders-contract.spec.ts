import { afterAll, describe } from 'vitest';
import { describeFolderContract, findTestDatabase } from '../testing';
import { sqlFolderFixture } from '../testing/sql-folder-fixture';
import { PostgresStorage } from './postgres-storage';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresStorage folders contract');

describe.skipIf(!database)('PostgreSQL', () => {
  afterAll(() => database!.schemas.dropAll());

  // A fresh schema per test, dropped after it.
  describeFolderContract('PostgresStorage folders', async () => {
    const schema = database!.schemas.next();
    const storage = new PostgresStorage({ connectionString: database!.url, schema });
    return sqlFolderFixture(storage, () => database!.schemas.drop(schema));
  });
});
