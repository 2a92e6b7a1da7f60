import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWebhookContract } from '../testing';
import { SqliteStorage } from './sqlite-storage';

// A fresh file per test; `another` opens a second connection to it, as a second process would.
describeWebhookContract('SqliteStorage webhooks', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'quire-webhooks-'));
  const path = join(directory, 'quire.db');
  const storage = new SqliteStorage({ path });
  return {
    storage,
    addAccount: async (id) => {
      await storage.directory.createUser({ id, email: `${id}@example.com`, name: id, passwordHash: `scrypt$hash-of-${id}`, isAdmin: false });
    },
    another: () => new SqliteStorage({ path }),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});
