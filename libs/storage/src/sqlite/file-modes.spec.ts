import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from './sqlite-storage';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('SqliteStorage file permissions', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it('creates its directories 0700 and the database, -wal and -shm files 0600', async () => {
    const root = mkdtempSync(join(tmpdir(), 'quire-modes-'));
    made.push(root);
    const path = join(root, 'data', 'nested', 'quire.db');
    const storage = new SqliteStorage({ path });
    await storage.open();
    await storage.directory.createOwnedDocument('doc', (await storage.directory.createUser({ id: 'u', email: 'u@example.com', name: 'U', passwordHash: 'h', isAdmin: false })).id);
    await storage.log.append('doc', [Uint8Array.of(0, 0)]);
    try {
      expect(modeOf(join(root, 'data')).toString(8)).toBe('700');
      expect(modeOf(join(root, 'data', 'nested')).toString(8)).toBe('700');
      for (const file of ['quire.db', 'quire.db-wal', 'quire.db-shm']) {
        expect(modeOf(join(root, 'data', 'nested', file)).toString(8), file).toBe('600');
      }
    } finally {
      await storage.close();
    }
  });

  it('leaves an existing directory and database file as they are', async () => {
    const root = mkdtempSync(join(tmpdir(), 'quire-modes-'));
    made.push(root);
    chmodSync(root, 0o750);
    const path = join(root, 'quire.db');
    const first = new SqliteStorage({ path });
    await first.open();
    await first.close();
    chmodSync(path, 0o640);
    const second = new SqliteStorage({ path });
    await second.open();
    await second.close();
    expect(modeOf(root).toString(8)).toBe('750');
    expect(modeOf(path).toString(8)).toBe('640');
  });
});
