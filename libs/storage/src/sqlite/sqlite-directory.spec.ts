import { describe, expect, it } from 'vitest';
import { newUser, ticketFor } from '../testing/directory-fixtures';
import { expectRefused } from '../testing/helpers';
import { migrations, schemaVersion } from './migrations';
import { useScratchDatabase } from '../testing/scratch-database';

describe('SqliteStorage directory', () => {
  const scratch = useScratchDatabase('sqlite-directory');
  const openStorage = (path?: string) => scratch.openStorage(path === undefined ? {} : { path });
  const inspect = () => scratch.inspect();

  it('holds accounts in memory too, with the foreign keys to documents enforced and cascading', async () => {
    const storage = await openStorage(':memory:');
    const { directory } = storage;
    await directory.createUser(newUser('ada'));
    await directory.createOwnedDocument('doc', 'user-ada');
    await storage.log.append('doc', [Uint8Array.of(1)]);

    await expectRefused(directory.createTicket(ticketFor('missing', 'user-ada', new Date())), 'no-such-document');
    expect(await directory.deleteDocument('doc')).toBe(true);
    expect(await directory.listMembers('doc')).toEqual([]);
    expect(await directory.listMemberDocuments('user-ada')).toEqual([]);
    expect(await storage.log.load('doc')).toEqual({ updates: [], lastSeq: 0, byteLength: 0 });
  });

  it('migrates a version 1 file: its documents keep their rows, and the first user owns them', async () => {
    const v1 = inspect();
    v1.exec(migrations[0].sql);
    v1.pragma('user_version = 1');
    v1.prepare("INSERT INTO documents (id, title, title_explicit, created_at, updated_at) VALUES ('old', 'Old', 1, 1000, 2000)").run();
    v1.prepare("INSERT INTO document_updates (document_id, data) VALUES ('old', x'0102'), ('old', x'03')").run();
    v1.close();

    const storage = await openStorage();

    expect(inspect().pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(await storage.log.load('old')).toEqual({ updates: [Uint8Array.of(1, 2), Uint8Array.of(3)], lastSeq: 2, byteLength: 3 });
    expect(await storage.directory.getDocument('old')).toEqual({ id: 'old', title: 'Old', createdAt: new Date(1000), updatedAt: new Date(2000) });
    await storage.directory.createFirstUser(newUser('ada', { isAdmin: true }));
    expect(await storage.directory.getMemberDocument('old', 'user-ada')).toMatchObject({ title: 'Old', role: 'owner' });
  });

  it('refuses a second owner and an unknown role in the schema itself, whatever the code does', async () => {
    const storage = await openStorage();
    await storage.directory.createUser(newUser('ada'));
    await storage.directory.createUser(newUser('bob'));
    await storage.directory.createOwnedDocument('doc', 'user-ada');
    const db = inspect();
    const insert = db.prepare("INSERT INTO document_members (document_id, user_id, role, added_at) VALUES ('doc', 'user-bob', ?, 0)");

    expect(() => insert.run('owner')).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run('admin')).toThrow(/CHECK constraint failed/);
    expect(await storage.directory.getRole('doc', 'user-bob')).toBeUndefined();
  });
});
