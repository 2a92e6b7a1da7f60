import { describe, expect, it } from 'vitest';
import type { NewSecurityEvent } from '../security-events';
import type { DirectoryContractContext } from './directory-contract';
import { later, newUser } from './directory-fixtures';
import { expectRefused } from './helpers';

/** The administrator's list of security events: recorded, listed newest first, trimmed to the newest. */
export function describeSecurityEvents({ directory, another }: DirectoryContractContext): void {
  const now = new Date('2030-01-01T12:00:00.000Z');
  const event = (type: string, overrides: Partial<NewSecurityEvent> = {}): NewSecurityEvent => ({
    type,
    at: now,
    actorId: null,
    address: null,
    documentId: null,
    subjectId: null,
    details: null,
    ...overrides,
  });

  describe('security events', () => {
    it('lists what was recorded, newest first, with every field and the actor’s name', async () => {
      await directory().createUser(newUser('ada'));
      const full = event('token-created', {
        at: later(now, 2_000),
        actorId: 'user-ada',
        address: '203.0.113.9',
        documentId: 'doc-1',
        subjectId: 'token-1',
        details: 'named "deploy script"',
      });
      await directory().recordSecurityEvent(event('signin-failed', { address: '198.51.100.7', details: 'ada@example.com' }));
      await directory().recordSecurityEvent(event('signin', { at: later(now, 1_000), actorId: 'user-ada' }));
      await directory().recordSecurityEvent(full);

      const listed = await directory().listSecurityEvents(10);
      expect(listed.map((item) => item.type)).toEqual(['token-created', 'signin', 'signin-failed']);
      expect(listed[0]).toEqual({ ...full, id: listed[0].id, actorName: 'Ada' });
      expect(listed[2]).toMatchObject({ actorId: null, actorName: null, address: '198.51.100.7', documentId: null, subjectId: null });
      expect(new Set(listed.map((item) => item.id)).size).toBe(3);
      expect(listed.every((item) => typeof item.id === 'string')).toBe(true);
    });

    it('keeps an event whose actor has no account (its name is null), and lists at most `limit`', async () => {
      for (let i = 0; i < 5; i++) await directory().recordSecurityEvent(event('signout', { actorId: 'user-gone', details: `n${i}` }));
      const listed = await directory().listSecurityEvents(2);
      expect(listed.map((item) => item.details)).toEqual(['n4', 'n3']);
      expect(listed[0]).toMatchObject({ actorId: 'user-gone', actorName: null });
      expect(await directory().listSecurityEvents(0)).toEqual([]);
    });

    it('orders by when they were recorded, whatever time they carry, across instances', async () => {
      const other = (await another()).directory;
      await directory().recordSecurityEvent(event('first', { at: later(now, 5_000) }));
      await other.recordSecurityEvent(event('second', { at: now }));
      expect((await directory().listSecurityEvents(5)).map((item) => item.type)).toEqual(['second', 'first']);
    });

    it('purges all but the newest `keep`, and says how many it removed', async () => {
      for (let i = 0; i < 6; i++) await directory().recordSecurityEvent(event('signin', { details: `n${i}` }));
      expect(await directory().purgeSecurityEvents(4)).toBe(2);
      expect(await directory().purgeSecurityEvents(4)).toBe(0);
      expect((await directory().listSecurityEvents(10)).map((item) => item.details)).toEqual(['n5', 'n4', 'n3', 'n2']);
      expect(await directory().purgeSecurityEvents(0)).toBe(4);
      expect(await directory().listSecurityEvents(10)).toEqual([]);
    });

    it('refuses an event without a type or with an invalid time, and a negative or fractional count', async () => {
      await expectRefused(directory().recordSecurityEvent(event('')), 'invalid-argument');
      await expectRefused(directory().recordSecurityEvent(event('signin', { at: new Date('nonsense') })), 'invalid-argument');
      await expectRefused(directory().listSecurityEvents(-1), 'invalid-argument');
      await expectRefused(directory().purgeSecurityEvents(1.5), 'invalid-argument');
      expect(await directory().listSecurityEvents(10)).toEqual([]);
    });
  });
}
