import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import { SqliteStorage } from './sqlite-storage';

/**
 * Schema version 9 makes the tables with a role CHECK anew (SQLite cannot alter a CHECK): a
 * database at version 8 keeps its members and links, with their indexes, and takes commenters.
 */
describe('SQLite schema version 9 (comments, the commenter role)', () => {
  const directories: string[] = [];
  afterEach(async () => {
    for (const directory of directories.splice(0)) await rm(directory, { recursive: true, force: true });
  });

  it('keeps a version 8 database’s members and links, their one-owner rule, and takes commenters', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'quire-migrate-9-'));
    directories.push(directory);
    const path = join(directory, 'quire.db');
    const old = new Database(path);
    old.pragma('foreign_keys = ON');
    for (const migration of migrations.filter((candidate) => candidate.version <= 8)) old.exec(migration.sql);
    old.pragma('user_version = 8');
    old.exec(`
      INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u1', 'a@example.com', 'Ada', 'x', 1), ('u2', 'b@example.com', 'Bob', 'x', 1);
      INSERT INTO documents (id, title, created_at, updated_at) VALUES ('doc', 'Plan', 1, 1);
      INSERT INTO document_members (document_id, user_id, role, added_at) VALUES ('doc', 'u1', 'owner', 1), ('doc', 'u2', 'viewer', 2);
      INSERT INTO share_links (id, document_id, role, created_by, created_at) VALUES ('l1', 'doc', 'editor', 'u1', 3);
    `);
    old.close();

    const storage = new SqliteStorage({ path });
    await storage.open();
    try {
      expect((await storage.directory.listMembers('doc')).map(({ user, role }) => `${user.id}:${role}`)).toEqual(['u1:owner', 'u2:viewer']);
      expect(await storage.directory.getLink('l1')).toMatchObject({ role: 'editor', documentId: 'doc' });
      await storage.directory.setMember('doc', 'u2', 'commenter');
      expect(await storage.directory.getRole('doc', 'u2')).toBe('commenter');
      await storage.directory.createLink({ id: 'l2', documentId: 'doc', role: 'commenter', createdBy: 'u1' });
      expect((await storage.directory.listLinks('doc')).map((link) => `${link.id}:${link.role}`).sort()).toEqual(['l1:editor', 'l2:commenter']);
      // The one-owner index came back with the table.
      await expect(storage.directory.setMember('doc', 'u2', 'owner' as never)).rejects.toThrow();
      const thread = await storage.comments.createThread({ id: 't1', documentId: 'doc', quote: 'Plan', createdBy: 'u2', comment: { id: 'c1', body: 'Why?' } });
      expect(thread.comments[0].author).toEqual({ id: 'u2', name: 'Bob' });
      // Deleting the document takes members, links and threads with it.
      expect(await storage.directory.deleteDocument('doc')).toBe(true);
      expect(await storage.comments.listThreads('doc')).toEqual([]);
    } finally {
      await storage.close();
    }
    const check = new Database(path, { readonly: true });
    try {
      const indexes = check.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('document_members_one_owner', 'document_members_user', 'share_links_document') ORDER BY name").all();
      expect(indexes.map((index) => index.name)).toEqual(['document_members_one_owner', 'document_members_user', 'share_links_document']);
      expect(check.pragma('foreign_key_check')).toEqual([]);
    } finally {
      check.close();
    }
  });
});
