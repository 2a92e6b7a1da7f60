import type { Role, ShareRole } from '@quire/api-contract';
import { describe, expect, it } from 'vitest';
import { INVITATION_LIFETIME_MS, type PeopleStore } from '../people-store';
import { useContractStorage } from './contract-lifecycle-hooks';

interface PeopleStorage {
  readonly people: PeopleStore;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** What a people contract factory provides for one test: storage over an empty database, and ways to seed and read it. */
export interface PeopleFixture {
  /** Not yet opened: the suite opens it. */
  readonly storage: PeopleStorage;
  readonly addPerson: (id: string, name: string, email: string) => Promise<void>;
  readonly addDocument: (id: string, ownerId: string, title: string) => Promise<void>;
  readonly addMember: (documentId: string, userId: string, role: ShareRole) => Promise<void>;
  readonly trash: (documentId: string) => Promise<void>;
  /** The person's own role on the document. */
  readonly roleOf: (documentId: string, userId: string) => Promise<Role | undefined>;
  readonly hasDocument: (id: string) => Promise<boolean>;
  readonly hasPerson: (id: string) => Promise<boolean>;
  readonly cleanup?: () => Promise<void>;
}

const T0 = new Date('2026-01-01T00:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

/**
 * Registers the tests every {@link PeopleStore} adapter must pass, under `describe(name)`.
 * `makeFixture` is called before each test and must give storage no other test sees.
 */
export function describePeopleContract(name: string, makeFixture: () => Promise<PeopleFixture>): void {
  describe(name, () => {
    const state = useContractStorage<PeopleStorage, PeopleFixture>(makeFixture);
    const people = () => state.current!.people;
    const fixture = () => state.fixture!;
    const invite = (id: string, documentId: string, email: string, role: ShareRole = 'editor', now = T0) =>
      people().createInvitation({ id, documentId, email, role, inviterId: 'user-ada', tokenDigest: `digest-${id}`, now });

    /** Ada owns doc-a and doc-b; Bob has an account. */
    async function seed() {
      await fixture().addPerson('user-ada', 'Ada', 'ada@example.com');
      await fixture().addPerson('user-bob', 'Bob', 'bob@example.com');
      await fixture().addDocument('doc-a', 'user-ada', 'Plans');
      await fixture().addDocument('doc-b', 'user-ada', 'Notes');
    }

    it('stores an invitation by a normalized email, lists it until it expires, and finds it by its digest with what the sign-up page shows', async () => {
      await seed();
      const stored = await invite('inv-1', 'doc-a', '  New.Person@Example.COM ');
      expect(stored).toEqual({ id: 'inv-1', documentId: 'doc-a', email: 'new.person@example.com', role: 'editor', inviterId: 'user-ada', createdAt: T0, expiresAt: later(INVITATION_LIFETIME_MS) });
      expect(await people().listInvitations('doc-a', later(1000))).toEqual([stored]);
      expect(await people().listInvitations('doc-b', later(1000))).toEqual([]);
      expect(await people().getInvitation('digest-inv-1', later(1000))).toEqual({ ...stored, documentTitle: 'Plans', inviterName: 'Ada' });
      expect(await people().getInvitation('digest-other', later(1000))).toBeUndefined();
      expect(await people().listInvitations('doc-a', later(INVITATION_LIFETIME_MS))).toEqual([]);
      expect(await people().getInvitation('digest-inv-1', later(INVITATION_LIFETIME_MS))).toBeUndefined();
    });

    it('replaces an earlier invitation of the same email to the same document, and refuses an owner role or an unknown document', async () => {
      await seed();
      await invite('inv-1', 'doc-a', 'new@example.com', 'viewer');
      await invite('inv-2', 'doc-a', 'NEW@example.com', 'commenter', later(5000));
      expect((await people().listInvitations('doc-a', later(6000))).map((listed) => [listed.id, listed.role])).toEqual([['inv-2', 'commenter']]);
      expect(await people().getInvitation('digest-inv-1', later(6000))).toBeUndefined();
      await expect(invite('inv-3', 'doc-a', 'x@example.com', 'owner' as ShareRole)).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(invite('inv-4', 'doc-none', 'x@example.com')).rejects.toMatchObject({ code: 'invalid-argument' });
    });

    it('does not show an invitation to a trashed document, and deletes one only on its own document', async () => {
      await seed();
      await invite('inv-1', 'doc-a', 'new@example.com');
      expect(await people().deleteInvitation('doc-b', 'inv-1')).toBe(false);
      await fixture().trash('doc-a');
      expect(await people().getInvitation('digest-inv-1', later(1))).toBeUndefined();
      expect(await people().deleteInvitation('doc-a', 'inv-1')).toBe(true);
      expect(await people().deleteInvitation('doc-a', 'inv-1')).toBe(false);
    });

    it('turns every unexpired invitation of an email into membership, never lowering a role, and forgets them all', async () => {
      await seed();
      await fixture().addPerson('user-new', 'New', 'new@example.com');
      await fixture().addMember('doc-b', 'user-new', 'editor');
      await invite('inv-a', 'doc-a', 'new@example.com', 'commenter');
      await invite('inv-b', 'doc-b', 'new@example.com', 'viewer');
      const accepted = await people().acceptInvitations(' New@Example.com', 'user-new', later(1000));
      expect(accepted.sort((x, y) => x.documentId.localeCompare(y.documentId))).toEqual([
        { documentId: 'doc-a', role: 'commenter' },
        { documentId: 'doc-b', role: 'editor' },
      ]);
      expect(await fixture().roleOf('doc-a', 'user-new')).toBe('commenter');
      expect(await fixture().roleOf('doc-b', 'user-new')).toBe('editor');
      expect(await people().listInvitations('doc-a', later(1000))).toEqual([]);
      expect(await people().acceptInvitations('new@example.com', 'user-new', later(1000))).toEqual([]);
    });

    it('does not turn an expired invitation into membership', async () => {
      await seed();
      await fixture().addPerson('user-new', 'New', 'new@example.com');
      await invite('inv-a', 'doc-a', 'new@example.com');
      expect(await people().acceptInvitations('new@example.com', 'user-new', later(INVITATION_LIFETIME_MS + 1))).toEqual([]);
      expect(await fixture().roleOf('doc-a', 'user-new')).toBeUndefined();
    });

    it('disables and enables an account', async () => {
      await seed();
      expect(await people().isDisabled('user-bob')).toBe(false);
      expect(await people().disableUser('user-bob', T0)).toBe(true);
      expect(await people().disableUser('user-bob', T0)).toBe(false);
      expect(await people().disableUser('user-nobody', T0)).toBe(false);
      expect(await people().isDisabled('user-bob')).toBe(true);
      expect(await people().listDisabledUsers()).toEqual(['user-bob']);
      expect(await people().enableUser('user-bob')).toBe(true);
      expect(await people().enableUser('user-bob')).toBe(false);
      expect(await people().isDisabled('user-bob')).toBe(false);
    });

    it('deletes an account and hands its documents to an heir, who keeps one owner per document', async () => {
      await seed();
      await fixture().addMember('doc-a', 'user-bob', 'viewer');
      expect(await people().deleteUser('user-ada', 'user-bob')).toEqual({ handedOver: ['doc-a', 'doc-b'], deleted: [] });
      expect(await fixture().hasPerson('user-ada')).toBe(false);
      expect(await fixture().roleOf('doc-a', 'user-bob')).toBe('owner');
      expect(await fixture().roleOf('doc-b', 'user-bob')).toBe('owner');
      expect(await fixture().roleOf('doc-a', 'user-ada')).toBeUndefined();
      expect(await people().deleteUser('user-ada', null)).toBeUndefined();
    });

    it('deletes an account with its documents for good, and refuses an heir that is the account or has none', async () => {
      await seed();
      await fixture().addDocument('doc-bob', 'user-bob', 'Bob’s');
      await expect(people().deleteUser('user-ada', 'user-ada')).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(people().deleteUser('user-ada', 'user-nobody')).rejects.toMatchObject({ code: 'invalid-argument' });
      expect(await fixture().hasPerson('user-ada')).toBe(true);
      expect(await people().deleteUser('user-ada', null)).toEqual({ handedOver: [], deleted: ['doc-a', 'doc-b'] });
      expect(await fixture().hasDocument('doc-a')).toBe(false);
      expect(await fixture().hasDocument('doc-b')).toBe(false);
      expect(await fixture().hasDocument('doc-bob')).toBe(true);
    });

    it('keeps one reset request per email, the newest first, at most `keep`, and dismisses one', async () => {
      await people().recordResetRequest({ id: 'r1', email: 'Ada@example.com ', now: T0 }, 2);
      await people().recordResetRequest({ id: 'r2', email: 'bob@example.com', now: later(1000) }, 2);
      await people().recordResetRequest({ id: 'r3', email: 'ada@example.com', now: later(2000) }, 2);
      const listed = await people().listResetRequests();
      expect(listed.map((request) => [request.email, request.requestedAt.getTime()])).toEqual([
        ['ada@example.com', later(2000).getTime()],
        ['bob@example.com', later(1000).getTime()],
      ]);
      await people().recordResetRequest({ id: 'r4', email: 'cy@example.com', now: later(3000) }, 2);
      expect((await people().listResetRequests()).map((request) => request.email)).toEqual(['cy@example.com', 'ada@example.com']);
      expect(await people().deleteResetRequest(listed[0].id)).toBe(true);
      expect(await people().deleteResetRequest(listed[0].id)).toBe(false);
      expect((await people().listResetRequests()).map((request) => request.email)).toEqual(['cy@example.com']);
    });
  });
}
