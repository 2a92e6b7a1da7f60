import type { AccessChange } from '@quire/bus';
import { SqliteStorage } from '@quire/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { TrashService } from './trash-service';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('TrashService', () => {
  let storage: SqliteStorage;
  let changes: AccessChange[];
  let trash: TrashService;
  const ada = { kind: 'session', sessionDigest: 'd', user: { id: 'user-ada', name: 'Ada', email: 'ada@example.com', isAdmin: false } } as unknown as Principal;

  beforeEach(async () => {
    storage = new SqliteStorage({ path: ':memory:' });
    await storage.open();
    await storage.directory.createUser({ id: 'user-ada', email: 'ada@example.com', name: 'Ada', passwordHash: 'x', isAdmin: false });
    changes = [];
    trash = new TrashService(storage.directory, async (change) => void changes.push(change), 30);
  });

  afterEach(() => storage.close());

  it('purges what has been in the trash longer than the retention, pushing each deletion, and nothing younger', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    for (const id of ['old', 'older', 'young', 'live']) await storage.directory.createOwnedDocument(id, 'user-ada', id);
    await storage.directory.trashDocument('old', new Date(now.getTime() - 31 * DAY_MS));
    await storage.directory.trashDocument('older', new Date(now.getTime() - 90 * DAY_MS));
    await storage.directory.trashDocument('young', new Date(now.getTime() - 29 * DAY_MS));

    expect(await trash.purge(now)).toBe(2);
    expect(changes).toEqual([
      { documentId: 'older', documentDeleted: true },
      { documentId: 'old', documentDeleted: true },
    ]);
    expect((await trash.list(ada, {})).entries.map((entry) => [entry.id, entry.purgeAt.getTime() - entry.deletedAt.getTime()])).toEqual([['young', 30 * DAY_MS]]);
    expect(await storage.directory.getDocument('live')).toBeDefined();
    expect(await trash.purge(now)).toBe(0);
  });

  it('refuses to restore or delete for good what is not in the caller’s trash, with 404', async () => {
    await storage.directory.createOwnedDocument('doc', 'user-ada', 'Doc');
    await expect(trash.restore(ada, 'doc')).rejects.toMatchObject({ status: 404 });
    await expect(trash.deleteForever(ada, 'doc')).rejects.toMatchObject({ status: 404 });
    await storage.directory.trashDocument('doc', new Date());
    await trash.deleteForever(ada, 'doc');
    expect(changes).toEqual([{ documentId: 'doc', documentDeleted: true }]);
    await expect(trash.restore(ada, 'doc')).rejects.toMatchObject({ status: 404 });
  });
});
