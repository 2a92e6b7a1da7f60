import { afterAll, describe } from 'vitest';
import { describeWebhookContract, findTestDatabase } from '../testing';
import { PostgresStorage } from './postgres-storage';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresStorage webhooks contract');

describe.skipIf(!database)('PostgreSQL', () => {
  afterAll(() => database!.schemas.dropAll());

  // A fresh schema per test, dropped after it; `another` is a second pool on it, as a second instance has.
  describeWebhookContract('PostgresStorage webhooks', async () => {
    const schema = database!.schemas.next();
    const storage = new PostgresStorage({ connectionString: database!.url, schema });
    return {
      storage,
      addAccount: async (id) => {
        await storage.directory.createUser({ id, email: `${id}@example.com`, name: id, passwordHash: `scrypt$hash-of-${id}`, isAdmin: false });
      },
      another: () => new PostgresStorage({ connectionString: database!.url, schema }),
      cleanup: () => database!.schemas.drop(schema),
    };
  });
});
