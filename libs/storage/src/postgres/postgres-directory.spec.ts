import { escapeIdentifier } from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newUser } from '../testing/directory-fixtures';
import { findTestDatabase } from '../testing';
import { migrations } from './migrations';
import { PostgresStorage } from './postgres-storage';

// Runs under CI=true (and fails there if PostgreSQL is unreachable); elsewhere skips, saying why.
const database = await findTestDatabase('PostgresStorage directory');

describe.skipIf(!database)('PostgresStorage directory', () => {
  let schema: string;
  const opened: PostgresStorage[] = [];
  const admin = () => database!.schemas.pool();
  const table = (name: string) => `${escapeIdentifier(schema)}.${name}`;

  beforeEach(() => {
    schema = database!.schemas.next();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((storage) => storage.close()));
    await database!.schemas.drop(schema);
  });

  afterAll(() => database!.schemas.dropAll());

  async function openStorage(): Promise<PostgresStorage> {
    const storage = new PostgresStorage({ connectionString: database!.url, schema });
    opened.push(storage);
    await storage.open();
    return storage;
  }

  it('migrates a version 1 schema: its documents keep their rows, and the first user owns them', async () => {
    const client = await admin().connect();
    try {
      await client.query(`CREATE SCHEMA ${escapeIdentifier(schema)}; SET search_path TO ${escapeIdentifier(schema)}`);
      await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      await client.query(migrations[0].sql);
      await client.query('INSERT INTO schema_migrations (version) VALUES (1)');
      await client.query(`
        INSERT INTO documents (id, title, title_explicit, created_at, updated_at)
        VALUES ('old', 'Old', true, '2020-01-01T00:00:00Z', '2020-01-02T00:00:00Z');
        INSERT INTO document_updates (document_id, data) VALUES ('old', '\\x0102'), ('old', '\\x03')`);
    } finally {
      await client.query('RESET search_path');
      client.release();
    }

    const storage = await openStorage();

    const { rows } = await admin().query<{ version: number }>(`SELECT version FROM ${table('schema_migrations')} ORDER BY version`);
    expect(rows.map(({ version }) => version)).toEqual(migrations.map(({ version }) => version));
    const loaded = await storage.log.load('old');
    expect(loaded.updates).toEqual([Uint8Array.of(1, 2), Uint8Array.of(3)]);
    expect(loaded.byteLength).toBe(3);
    expect(await storage.directory.getDocument('old')).toEqual({
      id: 'old',
      title: 'Old',
      createdAt: new Date('2020-01-01T00:00:00Z'),
      updatedAt: new Date('2020-01-02T00:00:00Z'),
    });
    await storage.directory.createFirstUser(newUser('ada', { isAdmin: true }));
    expect(await storage.directory.getMemberDocument('old', 'user-ada')).toMatchObject({ title: 'Old', role: 'owner' });
  });

  it('cascades every foreign key to documents but the files’ (left unreferenced), and refuses a second owner in the schema itself', async () => {
    const storage = await openStorage();
    const { rows } = await admin().query<{ table_name: string; delete_rule: string }>(
      `SELECT child.table_name, rc.delete_rule
       FROM information_schema.referential_constraints rc
       JOIN information_schema.table_constraints child
         ON child.constraint_schema = rc.constraint_schema AND child.constraint_name = rc.constraint_name
       JOIN information_schema.constraint_table_usage parent
         ON parent.constraint_schema = rc.constraint_schema AND parent.constraint_name = rc.constraint_name
       WHERE rc.constraint_schema = $1 AND parent.table_name = 'documents'
       ORDER BY child.table_name`,
      [schema],
    );
    expect(rows).toEqual(
      [
        'comment_threads',
        'document_clients',
        'document_edit_authors',
        'document_invitations',
        'document_members',
        'document_opens',
        'document_stars',
        'document_updates',
        'document_versions',
        'files',
        'search_documents',
        'share_links',
        'tickets',
      ].map((name) => ({
        table_name: name,
        delete_rule: name === 'files' ? 'SET NULL' : 'CASCADE',
      })),
    );

    await storage.directory.createUser(newUser('ada'));
    await storage.directory.createUser(newUser('bob'));
    await storage.directory.createOwnedDocument('doc', 'user-ada');
    await expect(
      admin().query(`INSERT INTO ${table('document_members')} (document_id, user_id, role, added_at) VALUES ('doc', 'user-bob', 'owner', now())`),
    ).rejects.toMatchObject({ code: '23505', constraint: 'document_members_one_owner' });
  });
});
