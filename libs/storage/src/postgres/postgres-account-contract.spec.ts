import { afterAll, describe } from 'vitest';
import { describeAccountStoreContract, findTestDatabase } from '../testing';
import { PostgresDocumentStore } from './postgres-document-store';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresDocumentStore accounts contract');

describe.skipIf(!database)('PostgreSQL', () => {
  afterAll(() => database!.schemas.dropAll());

  // A fresh schema per test, dropped after it; the second instance has a pool of its own.
  describeAccountStoreContract('PostgresDocumentStore accounts', async () => {
    const schema = database!.schemas.next();
    const options = { connectionString: database!.url, schema };
    return {
      store: new PostgresDocumentStore(options),
      another: async () => new PostgresDocumentStore(options),
      cleanup: () => database!.schemas.drop(schema),
    };
  });
});
