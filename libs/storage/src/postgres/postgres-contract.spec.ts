import { afterAll, describe } from 'vitest';
import { describeDocumentStoreContract, findTestDatabase } from '../testing';
import { PostgresDocumentStore } from './postgres-document-store';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresDocumentStore contract');

describe.skipIf(!database)('PostgreSQL', () => {
  afterAll(() => database!.schemas.dropAll());

  // A fresh schema per test, dropped after it, reopened by a new instance for the restart tests.
  describeDocumentStoreContract('PostgresDocumentStore', async () => {
    const schema = database!.schemas.next();
    const options = { connectionString: database!.url, schema };
    return {
      store: new PostgresDocumentStore(options),
      reopen: async () => new PostgresDocumentStore(options),
      cleanup: () => database!.schemas.drop(schema),
    };
  });
});
