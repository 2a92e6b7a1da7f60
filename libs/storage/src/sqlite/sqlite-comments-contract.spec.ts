import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCommentContract } from '../testing';
import { sqlCommentFixture } from '../testing/sql-comment-fixture';
import { SqliteStorage } from './sqlite-storage';

// A fresh file per test.
describeCommentContract('SqliteStorage comments', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-comments-'));
  return sqlCommentFixture(new SqliteStorage({ path: join(directory, 'quire.db') }), () => rm(directory, { recursive: true, force: true }));
});
