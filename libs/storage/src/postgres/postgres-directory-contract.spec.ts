import { afterAll, describe } from 'vitest';
import { describeDirectoryContract, findTestDatabase } from '../testing';
import { addPostgresDocumentWithoutOwner } from '../testing/documents-without-owner';
import { PostgresStorage } from './postgres-storage';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresStorage directory contract');

describe.skipIf(!database)('PostgreSQL', () => {
  afterAll(() => database!.schemas.dropAll());

  // A fresh schema per test, dropped after it; the second instance has a pool of its own.
  describeDirectoryContract('PostgresStorage directory', async () => {
    const schema = database!.schemas.next();
    const options = { connectionString: database!.url, schema };
    return {
      storage: new PostgresStorage(options),
      another: async () => new PostgresStorage(options),
      addDocumentWithoutOwner: (id, title) => addPostgresDocumentWithoutOwner(database!.schemas.pool(), schema, id, title),
      cleanup: () => database!.schemas.drop(schema),
    };
  });
});
