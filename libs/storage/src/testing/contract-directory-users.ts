import { describe, expect, it } from 'vitest';
import type { DirectoryContractContext } from './directory-contract';
import { newUser } from './directory-fixtures';
import { expectRefused } from './helpers';

/** Settings, accounts, and the first account that adopts the documents written before it. */
export function describeUsers({ storage, directory, log, another, addDocumentWithoutOwner }: DirectoryContractContext): void {
  describe('settings', () => {
    it('stores a value only while the key has none, and forgets it when deleted', async () => {
      expect(await directory().getSetting('setup-code')).toBeUndefined();
      expect(await directory().setSettingIfAbsent('setup-code', 'first')).toBe('first');
      expect(await directory().setSettingIfAbsent('setup-code', 'second')).toBe('first');
      expect(await directory().getSetting('setup-code')).toBe('first');

      await directory().deleteSetting('setup-code');
      expect(await directory().getSetting('setup-code')).toBeUndefined();
      expect(await directory().setSettingIfAbsent('setup-code', 'third')).toBe('third');
      await directory().deleteSetting('never-set');
    });

    it('gives two instances setting a value at once the same one', async () => {
      const other = (await another()).directory;
      const values = await Promise.all([
        directory().setSettingIfAbsent('setup-code', 'from-a'),
        other.setSettingIfAbsent('setup-code', 'from-b'),
      ]);
      expect(values[0]).toBe(values[1]);
      expect(await other.getSetting('setup-code')).toBe(values[0]);
    });
  });

  describe('users', () => {
    it('creates an account with its email trimmed and lower-cased, found by id and by any case of the email', async () => {
      const created = await directory().createUser(newUser('ada', { email: '  Ada.Lovelace@Example.COM ', isAdmin: true }));

      expect(created).toEqual({
        id: 'user-ada',
        email: 'ada.lovelace@example.com',
        name: 'Ada',
        isAdmin: true,
        createdAt: expect.any(Date),
      });
      expect(Math.abs(created.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
      const withPassword = { ...created, passwordHash: 'scrypt$hash-of-ada' };
      expect(await directory().getUser('user-ada')).toEqual(withPassword);
      expect(await directory().getUserByEmail('ADA.lovelace@example.com ')).toEqual(withPassword);
      expect(await directory().getUserByEmail('someone@example.com')).toBeUndefined();
      expect(await directory().getUser('user-nobody')).toBeUndefined();
    });

    it('refuses a taken email whatever its case, and a taken id, with conflict', async () => {
      await directory().createUser(newUser('ada'));

      await expectRefused(directory().createUser(newUser('other', { email: ' ADA@example.com' })), 'conflict');
      await expectRefused(directory().createUser(newUser('ada', { email: 'new@example.com' })), 'conflict');
      expect(await directory().countUsers()).toBe(1);
      expect((await directory().getUser('user-ada'))?.email).toBe('ada@example.com');
    });

    it('refuses an empty email, and finds no account by one', async () => {
      await expectRefused(directory().createUser(newUser('ada', { email: '   ' })), 'invalid-argument');
      await expectRefused(directory().createFirstUser(newUser('ada', { email: '' })), 'invalid-argument');
      expect(await directory().countUsers()).toBe(0);
      expect(await directory().getUserByEmail('  ')).toBeUndefined();
    });

    it('counts and lists accounts, oldest first, without password hashes', async () => {
      expect(await directory().countUsers()).toBe(0);
      expect(await directory().listUsers()).toEqual([]);
      for (const name of ['zoe', 'ada', 'max']) await directory().createUser(newUser(name));

      expect(await directory().countUsers()).toBe(3);
      const listed = await directory().listUsers();
      expect(listed.map((user) => user.id)).toEqual(['user-zoe', 'user-ada', 'user-max']);
      expect(listed.every((user) => !('passwordHash' in user))).toBe(true);
    });

    it('changes the name or the password hash, leaving the other as it was', async () => {
      await directory().createUser(newUser('ada'));

      await directory().updateUser('user-ada', { name: 'Countess' });
      expect(await directory().getUser('user-ada')).toMatchObject({ name: 'Countess', passwordHash: 'scrypt$hash-of-ada' });
      await directory().updateUser('user-ada', { passwordHash: 'scrypt$new' });
      expect(await directory().getUser('user-ada')).toMatchObject({ name: 'Countess', passwordHash: 'scrypt$new' });
      await expectRefused(directory().updateUser('user-nobody', { name: 'Ghost' }), 'invalid-argument');
    });
  });

  describe('first user', () => {
    it('is created only while no account exists', async () => {
      const first = await directory().createFirstUser(newUser('ada', { isAdmin: true }));
      expect(first).toMatchObject({ id: 'user-ada', isAdmin: true });

      expect(await directory().createFirstUser(newUser('eve', { isAdmin: true }))).toBeUndefined();
      expect(await directory().getUser('user-eve')).toBeUndefined();
      expect(await directory().countUsers()).toBe(1);
    });

    it('is not created once a regular account exists', async () => {
      await directory().createUser(newUser('bob'));
      expect(await directory().createFirstUser(newUser('eve', { isAdmin: true }))).toBeUndefined();
      expect((await directory().listUsers()).map((user) => user.id)).toEqual(['user-bob']);
    });

    it('is created once when two instances try at the same moment', async () => {
      const other = (await another()).directory;
      const results = await Promise.all([
        directory().createFirstUser(newUser('ada', { isAdmin: true })),
        other.createFirstUser(newUser('eve', { isAdmin: true })),
      ]);

      expect(results.filter((user) => user !== undefined)).toHaveLength(1);
      expect(await directory().countUsers()).toBe(1);
    });

    it('owns every document written before accounts existed, and only those', async () => {
      await addDocumentWithoutOwner('written');
      await log().append('written', [Uint8Array.of(1)], { title: 'Written' });
      await addDocumentWithoutOwner('created', 'Created');

      const ada = await directory().createFirstUser(newUser('ada', { isAdmin: true }));
      await addDocumentWithoutOwner('after');
      await log().append('after', [Uint8Array.of(2)]);
      expect(await directory().createFirstUser(newUser('eve'))).toBeUndefined();

      const owned = await directory().listMemberDocuments('user-ada');
      expect(owned.map((document) => document.id).sort()).toEqual(['created', 'written']);
      for (const document of owned) expect(document).toMatchObject({ role: 'owner', owner: { id: ada!.id, name: 'Ada' } });
      expect(await directory().listMembers('after')).toEqual([]);
      // The document's own rows are untouched.
      expect((await log().load('written')).updates).toEqual([Uint8Array.of(1)]);
    });
  });

  describe('lifecycle', () => {
    it('refuses account calls before open() and after close()', async () => {
      const unopened = await another({ open: false });
      await expectRefused(unopened.directory.countUsers(), 'not-open');
      await expectRefused(unopened.directory.createUser(newUser('ada')), 'not-open');

      const closed = await another();
      await closed.close();
      await expectRefused(closed.directory.getUser('user-ada'), 'closed');
      await expectRefused(closed.directory.consumeTicket('digest', new Date()), 'closed');
    });

    it('shares accounts between instances and finds them after a restart', async () => {
      await directory().createUser(newUser('ada'));
      await directory().createOwnedDocument('doc', 'user-ada', 'Shared');
      await storage().close();

      const restarted = await another();
      expect(await restarted.directory.getUserByEmail('ada@example.com')).toMatchObject({ id: 'user-ada' });
      expect(await restarted.directory.getRole('doc', 'user-ada')).toBe('owner');
    });
  });
}
