import { describe, expect, it } from 'vitest';
import type { AccountContractContext } from './account-store-contract';
import { newUser } from './account-fixtures';
import { createDocuments, expectRefused } from './helpers';

/** Settings, accounts, and the first account that adopts the documents written before it. */
export function describeUsers({ accounts, store, another }: AccountContractContext): void {
  describe('settings', () => {
    it('stores a value only while the key has none, and forgets it when deleted', async () => {
      expect(await accounts().getSetting('setup-code')).toBeUndefined();
      expect(await accounts().setSettingIfAbsent('setup-code', 'first')).toBe('first');
      expect(await accounts().setSettingIfAbsent('setup-code', 'second')).toBe('first');
      expect(await accounts().getSetting('setup-code')).toBe('first');

      await accounts().deleteSetting('setup-code');
      expect(await accounts().getSetting('setup-code')).toBeUndefined();
      expect(await accounts().setSettingIfAbsent('setup-code', 'third')).toBe('third');
      await accounts().deleteSetting('never-set');
    });

    it('gives two instances setting a value at once the same one', async () => {
      const other = (await another()).accounts;
      const values = await Promise.all([
        accounts().setSettingIfAbsent('setup-code', 'from-a'),
        other.setSettingIfAbsent('setup-code', 'from-b'),
      ]);
      expect(values[0]).toBe(values[1]);
      expect(await other.getSetting('setup-code')).toBe(values[0]);
    });
  });

  describe('users', () => {
    it('creates an account with its email trimmed and lower-cased, found by id and by any case of the email', async () => {
      const created = await accounts().createUser(newUser('ada', { email: '  Ada.Lovelace@Example.COM ', isAdmin: true }));

      expect(created).toEqual({
        id: 'user-ada',
        email: 'ada.lovelace@example.com',
        name: 'Ada',
        isAdmin: true,
        createdAt: expect.any(Date),
      });
      expect(Math.abs(created.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
      const withPassword = { ...created, passwordHash: 'scrypt$hash-of-ada' };
      expect(await accounts().getUser('user-ada')).toEqual(withPassword);
      expect(await accounts().getUserByEmail('ADA.lovelace@example.com ')).toEqual(withPassword);
      expect(await accounts().getUserByEmail('someone@example.com')).toBeUndefined();
      expect(await accounts().getUser('user-nobody')).toBeUndefined();
    });

    it('refuses a taken email whatever its case, and a taken id, with conflict', async () => {
      await accounts().createUser(newUser('ada'));

      await expectRefused(accounts().createUser(newUser('other', { email: ' ADA@example.com' })), 'conflict');
      await expectRefused(accounts().createUser(newUser('ada', { email: 'new@example.com' })), 'conflict');
      expect(await accounts().countUsers()).toBe(1);
      expect((await accounts().getUser('user-ada'))?.email).toBe('ada@example.com');
    });

    it('refuses an empty email, and finds no account by one', async () => {
      await expectRefused(accounts().createUser(newUser('ada', { email: '   ' })), 'invalid-argument');
      await expectRefused(accounts().createFirstUser(newUser('ada', { email: '' })), 'invalid-argument');
      expect(await accounts().countUsers()).toBe(0);
      expect(await accounts().getUserByEmail('  ')).toBeUndefined();
    });

    it('counts and lists accounts, oldest first, without password hashes', async () => {
      expect(await accounts().countUsers()).toBe(0);
      expect(await accounts().listUsers()).toEqual([]);
      for (const name of ['zoe', 'ada', 'max']) await accounts().createUser(newUser(name));

      expect(await accounts().countUsers()).toBe(3);
      const listed = await accounts().listUsers();
      expect(listed.map((user) => user.id)).toEqual(['user-zoe', 'user-ada', 'user-max']);
      expect(listed.every((user) => !('passwordHash' in user))).toBe(true);
    });

    it('changes the name or the password hash, leaving the other as it was', async () => {
      await accounts().createUser(newUser('ada'));

      await accounts().updateUser('user-ada', { name: 'Countess' });
      expect(await accounts().getUser('user-ada')).toMatchObject({ name: 'Countess', passwordHash: 'scrypt$hash-of-ada' });
      await accounts().updateUser('user-ada', { passwordHash: 'scrypt$new' });
      expect(await accounts().getUser('user-ada')).toMatchObject({ name: 'Countess', passwordHash: 'scrypt$new' });
      await expectRefused(accounts().updateUser('user-nobody', { name: 'Ghost' }), 'invalid-argument');
    });
  });

  describe('first user', () => {
    it('is created only while no account exists', async () => {
      const first = await accounts().createFirstUser(newUser('ada', { isAdmin: true }));
      expect(first).toMatchObject({ id: 'user-ada', isAdmin: true });

      expect(await accounts().createFirstUser(newUser('eve', { isAdmin: true }))).toBeUndefined();
      expect(await accounts().getUser('user-eve')).toBeUndefined();
      expect(await accounts().countUsers()).toBe(1);
    });

    it('is not created once a regular account exists', async () => {
      await accounts().createUser(newUser('bob'));
      expect(await accounts().createFirstUser(newUser('eve', { isAdmin: true }))).toBeUndefined();
      expect((await accounts().listUsers()).map((user) => user.id)).toEqual(['user-bob']);
    });

    it('is created once when two instances try at the same moment', async () => {
      const other = (await another()).accounts;
      const results = await Promise.all([
        accounts().createFirstUser(newUser('ada', { isAdmin: true })),
        other.createFirstUser(newUser('eve', { isAdmin: true })),
      ]);

      expect(results.filter((user) => user !== undefined)).toHaveLength(1);
      expect(await accounts().countUsers()).toBe(1);
    });

    it('owns every document written before accounts existed, and only those', async () => {
      await createDocuments(store(), 'written');
      await store().append('written', [Uint8Array.of(1)], { title: 'Written' });
      await store().createDocument('created', 'Created');

      const ada = await accounts().createFirstUser(newUser('ada', { isAdmin: true }));
      await createDocuments(store(), 'after');
      await store().append('after', [Uint8Array.of(2)]);
      expect(await accounts().createFirstUser(newUser('eve'))).toBeUndefined();

      const owned = await accounts().listMemberDocuments('user-ada');
      expect(owned.map((document) => document.id).sort()).toEqual(['created', 'written']);
      for (const document of owned) expect(document).toMatchObject({ role: 'owner', owner: { id: ada!.id, name: 'Ada' } });
      expect(await accounts().listMembers('after')).toEqual([]);
      // The document's own rows are untouched.
      expect((await store().load('written')).updates).toEqual([Uint8Array.of(1)]);
    });
  });

  describe('lifecycle', () => {
    it('refuses account calls before open() and after close()', async () => {
      const unopened = await another({ open: false });
      await expectRefused(unopened.accounts.countUsers(), 'not-open');
      await expectRefused(unopened.accounts.createUser(newUser('ada')), 'not-open');

      const closed = await another();
      await closed.close();
      await expectRefused(closed.accounts.getUser('user-ada'), 'closed');
      await expectRefused(closed.accounts.consumeTicket('digest', new Date()), 'closed');
    });

    it('shares accounts between instances and finds them after a restart', async () => {
      await accounts().createUser(newUser('ada'));
      await accounts().createOwnedDocument('doc', 'user-ada', 'Shared');
      await store().close();

      const restarted = await another();
      expect(await restarted.accounts.getUserByEmail('ada@example.com')).toMatchObject({ id: 'user-ada' });
      expect(await restarted.accounts.getRole('doc', 'user-ada')).toBe('owner');
    });
  });
}
