import { describe, expect, it } from 'vitest';
import { newUser, ticketFor } from '../testing/account-fixtures';
import { expectRefused } from '../testing/helpers';
import { migrations, schemaVersion } from './migrations';
import { useScratchDatabase } from '../testing/scratch-database';

describe('SqliteDocumentStore accounts', () => {
  const scratch = useScratchDatabase('sqlite-accounts');
  const openStore = (path?: string) => scratch.openStore(path === undefined ? {} : { path });
  const inspect = () => scratch.inspect();

  it('holds accounts in memory too, with the foreign keys to documents enforced and cascading', async () => {
    const store = await openStore(':memory:');
    const { accounts } = store;
    await accounts.createUser(newUser('ada'));
    await accounts.createOwnedDocument('doc', 'user-ada');
    await store.append('doc', [Uint8Array.of(1)]);

    await expectRefused(accounts.createTicket(ticketFor('missing', 'user-ada', new Date())), 'no-such-document');
    expect(await accounts.deleteDocument('doc')).toBe(true);
    expect(await accounts.listMembers('doc')).toEqual([]);
    expect(await accounts.listMemberDocuments('user-ada')).toEqual([]);
    expect(await store.load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
  });

  it('migrates a version 1 file: its documents keep their rows, and the first user owns them', async () => {
    const v1 = inspect();
    v1.exec(migrations[0].sql);
    v1.pragma('user_version = 1');
    v1.prepare("INSERT INTO documents (id, title, title_explicit, created_at, updated_at) VALUES ('old', 'Old', 1, 1000, 2000)").run();
    v1.prepare("INSERT INTO document_updates (document_id, data) VALUES ('old', x'0102'), ('old', x'03')").run();
    v1.close();

    const store = await openStore();

    expect(inspect().pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(await store.load('old')).toEqual({ updates: [Uint8Array.of(1, 2), Uint8Array.of(3)], lastSeq: 2, byteLength: 3 });
    expect(await store.getDocument('old')).toEqual({ id: 'old', title: 'Old', createdAt: new Date(1000), updatedAt: new Date(2000) });
    await store.accounts.createFirstUser(newUser('ada', { isAdmin: true }));
    expect(await store.accounts.getMemberDocument('old', 'user-ada')).toMatchObject({ title: 'Old', role: 'owner' });
  });

  it('refuses a second owner and an unknown role in the schema itself, whatever the code does', async () => {
    const store = await openStore();
    await store.accounts.createUser(newUser('ada'));
    await store.accounts.createUser(newUser('bob'));
    await store.accounts.createOwnedDocument('doc', 'user-ada');
    const db = inspect();
    const insert = db.prepare("INSERT INTO document_members (document_id, user_id, role, added_at) VALUES ('doc', 'user-bob', ?, 0)");

    expect(() => insert.run('owner')).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run('admin')).toThrow(/CHECK constraint failed/);
    expect(await store.accounts.getRole('doc', 'user-bob')).toBeUndefined();
  });
});
