import { afterAll, describe } from 'vitest';
import { describeUpdateLogContract, findTestDatabase, withOwnedDocuments } from '../testing';
import { PostgresStorage } from './postgres-storage';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresStorage log contract');

describe.skipIf(!database)('PostgreSQL', () => {
  afterAll(() => database!.schemas.dropAll());

  // A fresh schema per test, dropped after it, reopened by a new instance for the restart tests.
  describeUpdateLogContract('PostgresStorage log', async () => {
    const schema = database!.schemas.next();
    const options = { connectionString: database!.url, schema };
    return {
      storage: withOwnedDocuments(new PostgresStorage(options)),
      reopen: async () => withOwnedDocuments(new PostgresStorage(options)),
      cleanup: () => database!.schemas.drop(schema),
    };
  });
});
