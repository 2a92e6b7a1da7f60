import { afterAll, describe } from 'vitest';
import { describeCommentContract, findTestDatabase } from '../testing';
import { sqlCommentFixture } from '../testing/sql-comment-fixture';
import { PostgresStorage } from './postgres-storage';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresStorage comments contract');

describe.skipIf(!database)('PostgreSQL', () => {
  afterAll(() => database!.schemas.dropAll());

  // A fresh schema per test, dropped after it.
  describeCommentContract('PostgresStorage comments', async () => {
    const schema = database!.schemas.next();
    return sqlCommentFixture(new PostgresStorage({ connectionString: database!.url, schema }), () => database!.schemas.drop(schema));
  });
});
