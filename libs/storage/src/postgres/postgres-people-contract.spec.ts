import { afterAll, describe } from 'vitest';
import { describePeopleContract, findTestDatabase } from '../testing';
import { sqlPeopleFixture } from '../testing/sql-people-fixture';
import { PostgresStorage } from './postgres-storage';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresStorage people contract');

describe.skipIf(!database)('PostgreSQL', () => {
  afterAll(() => database!.schemas.dropAll());

  // A fresh schema per test, dropped after it.
  describePeopleContract('PostgresStorage people', async () => {
    const schema = database!.schemas.next();
    const storage = new PostgresStorage({ connectionString: database!.url, schema });
    return sqlPeopleFixture(storage, () => database!.schemas.drop(schema));
  });
});
