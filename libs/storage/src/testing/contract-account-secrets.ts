import { describe, expect, it } from 'vitest';
import { LAST_USE_RESOLUTION_MS, type Ticket } from '../account-store';
import type { AccountContractContext } from './account-store-contract';
import { later, newUser, ticketFor } from './account-fixtures';
import { expectRefused } from './helpers';

/** Sessions, API tokens and socket tickets: rows found by the digest of a secret. */
export function describeSecrets({ accounts, store, another }: AccountContractContext): void {
  const now = new Date('2030-01-01T12:00:00.000Z');

  describe('sessions', () => {
    it('finds a session until it expires, and longer once extended', async () => {
      await accounts().createUser(newUser('ada'));
      const session = { digest: 'session-1', userId: 'user-ada', expiresAt: later(now, 1_000) };
      await accounts().createSession(session);

      expect(await accounts().getSession('session-1', now)).toEqual(session);
      expect(await accounts().getSession('session-1', later(now, 999))).toEqual(session);
      expect(await accounts().getSession('session-1', later(now, 1_000))).toBeUndefined();
      expect(await accounts().getSession('session-unknown', now)).toBeUndefined();

      await accounts().extendSession('session-1', later(now, 5_000));
      expect(await accounts().getSession('session-1', later(now, 4_000))).toEqual({ ...session, expiresAt: later(now, 5_000) });
    });

    it('ends one session, or every session of a user but one', async () => {
      await accounts().createUser(newUser('ada'));
      await accounts().createUser(newUser('bob'));
      const expiresAt = later(now, 60_000);
      for (const digest of ['ada-1', 'ada-2', 'ada-3']) await accounts().createSession({ digest, userId: 'user-ada', expiresAt });
      await accounts().createSession({ digest: 'bob-1', userId: 'user-bob', expiresAt });

      await accounts().deleteSession('ada-1');
      expect(await accounts().getSession('ada-1', now)).toBeUndefined();
      await accounts().deleteUserSessions('user-ada', 'ada-3');
      expect(await accounts().getSession('ada-2', now)).toBeUndefined();
      expect(await accounts().getSession('ada-3', now)).toBeDefined();
      expect(await accounts().getSession('bob-1', now)).toBeDefined();

      await accounts().deleteUserSessions('user-ada');
      expect(await accounts().getSession('ada-3', now)).toBeUndefined();
      expect(await accounts().getSession('bob-1', now)).toBeDefined();
    });

    it('refuses a taken digest and an unknown user', async () => {
      await accounts().createUser(newUser('ada'));
      const session = { digest: 'session-1', userId: 'user-ada', expiresAt: later(now, 1_000) };
      await accounts().createSession(session);

      await expectRefused(accounts().createSession({ ...session, expiresAt: later(now, 9_000) }), 'conflict');
      await expectRefused(accounts().createSession({ ...session, digest: 'other', userId: 'user-nobody' }), 'invalid-argument');
      await expectRefused(accounts().createSession({ ...session, digest: 'other', expiresAt: new Date('nonsense') }), 'invalid-argument');
      expect(await accounts().getSession('session-1', now)).toEqual(session);
      expect(await accounts().getSession('other', now)).toBeUndefined();
    });

    it('purges the sessions getSession no longer finds, and keeps live and extended ones', async () => {
      await accounts().createUser(newUser('ada'));
      const expired = { digest: 'expired', userId: 'user-ada', expiresAt: later(now, 1_000) };
      const live = { digest: 'live', userId: 'user-ada', expiresAt: later(now, 1_001) };
      const extended = { digest: 'extended', userId: 'user-ada', expiresAt: later(now, 1_000) };
      for (const session of [expired, live, extended]) await accounts().createSession(session);
      await accounts().extendSession('extended', later(now, 60_000));

      const purgeAt = later(now, 1_000);
      expect(await accounts().purgeExpiredSessions(purgeAt)).toBe(1);
      expect(await accounts().purgeExpiredSessions(purgeAt)).toBe(0);
      expect(await accounts().getSession('live', purgeAt)).toEqual(live);
      expect(await accounts().getSession('extended', purgeAt)).toEqual({ ...extended, expiresAt: later(now, 60_000) });
      // Gone, not merely expired: a time before its expiry no longer finds it either.
      expect(await accounts().getSession('expired', now)).toBeUndefined();
    });
  });

  describe('API tokens', () => {
    it('lists a user’s tokens oldest first, records their use, and deletes them for their owner only', async () => {
      await accounts().createUser(newUser('ada'));
      await accounts().createUser(newUser('bob'));
      const first = await accounts().createApiToken({ id: 'token-1', userId: 'user-ada', name: 'CI', digest: 'digest-1' });
      const second = await accounts().createApiToken({ id: 'token-2', userId: 'user-ada', name: 'Laptop', digest: 'digest-2' });
      await accounts().createApiToken({ id: 'token-3', userId: 'user-bob', name: 'Bob', digest: 'digest-3' });

      expect(first).toEqual({ id: 'token-1', userId: 'user-ada', name: 'CI', createdAt: expect.any(Date), lastUsedAt: null });
      expect(await accounts().listApiTokens('user-ada')).toEqual([first, second]);
      expect(await accounts().getApiToken('token-2')).toEqual(second);

      expect(await accounts().useApiToken('digest-1', now)).toEqual({ ...first, lastUsedAt: now });
      expect(await accounts().getApiToken('token-1')).toEqual({ ...first, lastUsedAt: now });
      expect(await accounts().useApiToken('digest-unknown', now)).toBeUndefined();
      // Uses within LAST_USE_RESOLUTION_MS are not written again; a later one is.
      const soon = new Date(now.getTime() + LAST_USE_RESOLUTION_MS - 1);
      expect(await accounts().useApiToken('digest-1', soon)).toEqual({ ...first, lastUsedAt: now });
      const aMinuteOn = new Date(now.getTime() + LAST_USE_RESOLUTION_MS);
      expect(await accounts().useApiToken('digest-1', aMinuteOn)).toEqual({ ...first, lastUsedAt: aMinuteOn });

      expect(await accounts().deleteApiToken('user-bob', 'token-1')).toBe(false);
      expect(await accounts().deleteApiToken('user-ada', 'token-1')).toBe(true);
      expect(await accounts().deleteApiToken('user-ada', 'token-1')).toBe(false);
      expect(await accounts().useApiToken('digest-1', now)).toBeUndefined();
      expect(await accounts().getApiToken('token-1')).toBeUndefined();
      expect((await accounts().listApiTokens('user-ada')).map((token) => token.id)).toEqual(['token-2']);
    });

    it('refuses a taken id or digest and an unknown user', async () => {
      await accounts().createUser(newUser('ada'));
      const token = { id: 'token-1', userId: 'user-ada', name: 'CI', digest: 'digest-1' };
      await accounts().createApiToken(token);

      await expectRefused(accounts().createApiToken({ ...token, digest: 'digest-2' }), 'conflict');
      await expectRefused(accounts().createApiToken({ ...token, id: 'token-2' }), 'conflict');
      await expectRefused(accounts().createApiToken({ ...token, id: 'token-3', digest: 'digest-3', userId: 'user-nobody' }), 'invalid-argument');
      expect(await accounts().listApiTokens('user-ada')).toHaveLength(1);
    });
  });

  describe('tickets', () => {
    async function documentWithMember(): Promise<void> {
      await accounts().createUser(newUser('ada'));
      await accounts().createOwnedDocument('doc', 'user-ada');
    }

    it('gives a ticket back once, with everything it was created with', async () => {
      await documentWithMember();
      const ticket = ticketFor('doc', 'user-ada', now, { role: 'owner' });
      const guest: Ticket = { ...ticket, digest: 'guest', userId: null, name: 'Guest', role: 'viewer', grantKind: 'link', grantId: 'link-1' };
      await accounts().createTicket(ticket);
      await accounts().createTicket(guest);

      expect(await accounts().consumeTicket(ticket.digest, now)).toEqual(ticket);
      expect(await accounts().consumeTicket(ticket.digest, now)).toBeUndefined();
      expect(await accounts().consumeTicket('guest', now)).toEqual(guest);
      expect(await accounts().consumeTicket('unknown', now)).toBeUndefined();
    });

    it('refuses an expired ticket, and purges the expired ones only', async () => {
      await documentWithMember();
      await accounts().createTicket(ticketFor('doc', 'user-ada', now, { digest: 'short', expiresAt: later(now, 1_000) }));
      await accounts().createTicket(ticketFor('doc', 'user-ada', now, { digest: 'long', expiresAt: later(now, 60_000) }));

      expect(await accounts().consumeTicket('short', later(now, 1_000))).toBeUndefined();
      expect(await accounts().purgeExpiredTickets(later(now, 1_000))).toBe(1);
      expect(await accounts().purgeExpiredTickets(later(now, 1_000))).toBe(0);
      // The purge took the expired ticket and left the other.
      expect(await accounts().consumeTicket('short', now)).toBeUndefined();
      expect(await accounts().consumeTicket('long', later(now, 59_999))).toMatchObject({ digest: 'long' });
    });

    it('gives a ticket to exactly one of many consumers racing on two instances', async () => {
      await documentWithMember();
      const other = (await another()).accounts;
      for (let round = 0; round < 5; round += 1) {
        const ticket = ticketFor('doc', 'user-ada', now, { digest: `raced-${round}` });
        await accounts().createTicket(ticket);
        const taken = await Promise.all(
          Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? accounts() : other).consumeTicket(ticket.digest, now)),
        );
        expect(taken.filter((result) => result !== undefined)).toEqual([ticket]);
      }
    });

    it('refuses a ticket for a missing document, a taken digest and an unknown role', async () => {
      await documentWithMember();
      const ticket = ticketFor('doc', 'user-ada', now);
      await accounts().createTicket(ticket);

      await expectRefused(accounts().createTicket({ ...ticket, digest: 'other', documentId: 'missing' }), 'no-such-document');
      await expectRefused(accounts().createTicket({ ...ticket, name: 'Changed' }), 'conflict');
      await expectRefused(accounts().createTicket({ ...ticket, digest: 'admin', role: 'admin' as Ticket['role'] }), 'invalid-argument');
      expect(await accounts().consumeTicket(ticket.digest, now)).toEqual(ticket);
      expect(await store().getDocument('missing')).toBeUndefined();
    });
  });
}
