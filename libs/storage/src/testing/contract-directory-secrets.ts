import { describe, expect, it } from 'vitest';
import { LAST_USE_RESOLUTION_MS } from '../directory';
import type { Ticket } from '../directory-records';
import type { DirectoryContractContext } from './directory-contract';
import { later, newUser, ticketFor } from './directory-fixtures';
import { expectRefused } from './helpers';

/** Sessions, API tokens and socket tickets: rows found by the digest of a secret. */
export function describeSecrets({ directory, another }: DirectoryContractContext): void {
  const now = new Date('2030-01-01T12:00:00.000Z');

  describe('sessions', () => {
    it('finds a session until it expires, and longer once extended', async () => {
      await directory().createUser(newUser('ada'));
      const session = { digest: 'session-1', userId: 'user-ada', expiresAt: later(now, 1_000) };
      await directory().createSession(session);

      expect(await directory().getSession('session-1', now)).toEqual(session);
      expect(await directory().getSession('session-1', later(now, 999))).toEqual(session);
      expect(await directory().getSession('session-1', later(now, 1_000))).toBeUndefined();
      expect(await directory().getSession('session-unknown', now)).toBeUndefined();

      await directory().extendSession('session-1', later(now, 5_000));
      expect(await directory().getSession('session-1', later(now, 4_000))).toEqual({ ...session, expiresAt: later(now, 5_000) });
    });

    it('ends one session, or every session of a user but one', async () => {
      await directory().createUser(newUser('ada'));
      await directory().createUser(newUser('bob'));
      const expiresAt = later(now, 60_000);
      for (const digest of ['ada-1', 'ada-2', 'ada-3']) await directory().createSession({ digest, userId: 'user-ada', expiresAt });
      await directory().createSession({ digest: 'bob-1', userId: 'user-bob', expiresAt });

      await directory().deleteSession('ada-1');
      expect(await directory().getSession('ada-1', now)).toBeUndefined();
      await directory().deleteUserSessions('user-ada', 'ada-3');
      expect(await directory().getSession('ada-2', now)).toBeUndefined();
      expect(await directory().getSession('ada-3', now)).toBeDefined();
      expect(await directory().getSession('bob-1', now)).toBeDefined();

      await directory().deleteUserSessions('user-ada');
      expect(await directory().getSession('ada-3', now)).toBeUndefined();
      expect(await directory().getSession('bob-1', now)).toBeDefined();
    });

    it('refuses a taken digest and an unknown user', async () => {
      await directory().createUser(newUser('ada'));
      const session = { digest: 'session-1', userId: 'user-ada', expiresAt: later(now, 1_000) };
      await directory().createSession(session);

      await expectRefused(directory().createSession({ ...session, expiresAt: later(now, 9_000) }), 'conflict');
      await expectRefused(directory().createSession({ ...session, digest: 'other', userId: 'user-nobody' }), 'invalid-argument');
      await expectRefused(directory().createSession({ ...session, digest: 'other', expiresAt: new Date('nonsense') }), 'invalid-argument');
      expect(await directory().getSession('session-1', now)).toEqual(session);
      expect(await directory().getSession('other', now)).toBeUndefined();
    });

    it('purges the sessions getSession no longer finds, and keeps live and extended ones', async () => {
      await directory().createUser(newUser('ada'));
      const expired = { digest: 'expired', userId: 'user-ada', expiresAt: later(now, 1_000) };
      const live = { digest: 'live', userId: 'user-ada', expiresAt: later(now, 1_001) };
      const extended = { digest: 'extended', userId: 'user-ada', expiresAt: later(now, 1_000) };
      for (const session of [expired, live, extended]) await directory().createSession(session);
      await directory().extendSession('extended', later(now, 60_000));

      const purgeAt = later(now, 1_000);
      expect(await directory().purgeExpiredSessions(purgeAt)).toBe(1);
      expect(await directory().purgeExpiredSessions(purgeAt)).toBe(0);
      expect(await directory().getSession('live', purgeAt)).toEqual(live);
      expect(await directory().getSession('extended', purgeAt)).toEqual({ ...extended, expiresAt: later(now, 60_000) });
      // Gone, not merely expired: a time before its expiry no longer finds it either.
      expect(await directory().getSession('expired', now)).toBeUndefined();
    });
  });

  describe('API tokens', () => {
    it('lists a user’s tokens oldest first, records their use, and deletes them for their owner only', async () => {
      await directory().createUser(newUser('ada'));
      await directory().createUser(newUser('bob'));
      const first = await directory().createApiToken({ id: 'token-1', userId: 'user-ada', name: 'CI', digest: 'digest-1' });
      const second = await directory().createApiToken({ id: 'token-2', userId: 'user-ada', name: 'Laptop', digest: 'digest-2' });
      await directory().createApiToken({ id: 'token-3', userId: 'user-bob', name: 'Bob', digest: 'digest-3' });

      expect(first).toEqual({ id: 'token-1', userId: 'user-ada', name: 'CI', createdAt: expect.any(Date), lastUsedAt: null });
      expect(await directory().listApiTokens('user-ada')).toEqual([first, second]);
      expect(await directory().getApiToken('token-2')).toEqual(second);

      expect(await directory().useApiToken('digest-1', now)).toEqual({ ...first, lastUsedAt: now });
      expect(await directory().getApiToken('token-1')).toEqual({ ...first, lastUsedAt: now });
      expect(await directory().useApiToken('digest-unknown', now)).toBeUndefined();
      // Uses within LAST_USE_RESOLUTION_MS are not written again; a later one is.
      const soon = new Date(now.getTime() + LAST_USE_RESOLUTION_MS - 1);
      expect(await directory().useApiToken('digest-1', soon)).toEqual({ ...first, lastUsedAt: now });
      const aMinuteOn = new Date(now.getTime() + LAST_USE_RESOLUTION_MS);
      expect(await directory().useApiToken('digest-1', aMinuteOn)).toEqual({ ...first, lastUsedAt: aMinuteOn });

      expect(await directory().deleteApiToken('user-bob', 'token-1')).toBe(false);
      expect(await directory().deleteApiToken('user-ada', 'token-1')).toBe(true);
      expect(await directory().deleteApiToken('user-ada', 'token-1')).toBe(false);
      expect(await directory().useApiToken('digest-1', now)).toBeUndefined();
      expect(await directory().getApiToken('token-1')).toBeUndefined();
      expect((await directory().listApiTokens('user-ada')).map((token) => token.id)).toEqual(['token-2']);
    });

    it('refuses a taken id or digest and an unknown user', async () => {
      await directory().createUser(newUser('ada'));
      const token = { id: 'token-1', userId: 'user-ada', name: 'CI', digest: 'digest-1' };
      await directory().createApiToken(token);

      await expectRefused(directory().createApiToken({ ...token, digest: 'digest-2' }), 'conflict');
      await expectRefused(directory().createApiToken({ ...token, id: 'token-2' }), 'conflict');
      await expectRefused(directory().createApiToken({ ...token, id: 'token-3', digest: 'digest-3', userId: 'user-nobody' }), 'invalid-argument');
      expect(await directory().listApiTokens('user-ada')).toHaveLength(1);
    });
  });

  describe('tickets', () => {
    async function documentWithMember(): Promise<void> {
      await directory().createUser(newUser('ada'));
      await directory().createOwnedDocument('doc', 'user-ada');
    }

    it('gives a ticket back once, with everything it was created with', async () => {
      await documentWithMember();
      const ticket = ticketFor('doc', 'user-ada', now, { role: 'owner' });
      const guest: Ticket = { ...ticket, digest: 'guest', userId: null, name: 'Guest', role: 'viewer', grantKind: 'link', grantId: 'link-1' };
      await directory().createTicket(ticket);
      await directory().createTicket(guest);

      expect(await directory().consumeTicket(ticket.digest, now)).toEqual(ticket);
      expect(await directory().consumeTicket(ticket.digest, now)).toBeUndefined();
      expect(await directory().consumeTicket('guest', now)).toEqual(guest);
      expect(await directory().consumeTicket('unknown', now)).toBeUndefined();
    });

    it('refuses an expired ticket, and purges the expired ones only', async () => {
      await documentWithMember();
      await directory().createTicket(ticketFor('doc', 'user-ada', now, { digest: 'short', expiresAt: later(now, 1_000) }));
      await directory().createTicket(ticketFor('doc', 'user-ada', now, { digest: 'long', expiresAt: later(now, 60_000) }));

      expect(await directory().consumeTicket('short', later(now, 1_000))).toBeUndefined();
      expect(await directory().purgeExpiredTickets(later(now, 1_000))).toBe(1);
      expect(await directory().purgeExpiredTickets(later(now, 1_000))).toBe(0);
      // The purge took the expired ticket and left the other.
      expect(await directory().consumeTicket('short', now)).toBeUndefined();
      expect(await directory().consumeTicket('long', later(now, 59_999))).toMatchObject({ digest: 'long' });
    });

    it('gives a ticket to exactly one of many consumers racing on two instances', async () => {
      await documentWithMember();
      const other = (await another()).directory;
      for (let round = 0; round < 5; round += 1) {
        const ticket = ticketFor('doc', 'user-ada', now, { digest: `raced-${round}` });
        await directory().createTicket(ticket);
        const taken = await Promise.all(
          Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? directory() : other).consumeTicket(ticket.digest, now)),
        );
        expect(taken.filter((result) => result !== undefined)).toEqual([ticket]);
      }
    });

    it('refuses a ticket for a missing document, a taken digest and an unknown role', async () => {
      await documentWithMember();
      const ticket = ticketFor('doc', 'user-ada', now);
      await directory().createTicket(ticket);

      await expectRefused(directory().createTicket({ ...ticket, digest: 'other', documentId: 'missing' }), 'no-such-document');
      await expectRefused(directory().createTicket({ ...ticket, name: 'Changed' }), 'conflict');
      await expectRefused(directory().createTicket({ ...ticket, digest: 'admin', role: 'admin' as Ticket['role'] }), 'invalid-argument');
      expect(await directory().consumeTicket(ticket.digest, now)).toEqual(ticket);
      expect(await directory().getDocument('missing')).toBeUndefined();
    });
  });
}
