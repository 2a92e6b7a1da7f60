import type { AccessChange } from '@quire/bus';
import { MemoryStorage } from '@quire/storage/memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { Secrets } from '../auth/secrets';
import { INVITATION_PREFIX, InvitationsService } from './invitations-service';

describe('InvitationsService', () => {
  let storage: MemoryStorage;
  let changes: AccessChange[];
  let now: number;
  let service: InvitationsService;
  const ada = { kind: 'session', user: { id: 'user-ada', name: 'Ada', email: 'ada@example.com', isAdmin: false, createdAt: new Date() }, sessionDigest: 'd' } as Principal;
  const tokenOf = (link: string) => decodeURIComponent(link.slice('/signup?invite='.length));

  beforeEach(async () => {
    storage = new MemoryStorage();
    await storage.open();
    storage.people.addPerson('user-ada', 'Ada', 'ada@example.com');
    storage.people.addPerson('user-new', 'New', 'new@example.com');
    storage.people.addDocument('doc-a', 'user-ada', 'Plans');
    storage.people.addDocument('doc-b', 'user-ada', 'Notes');
    changes = [];
    now = Date.parse('2026-01-01T00:00:00Z');
    service = new InvitationsService(storage.people, new Secrets('k'.repeat(32)), async (change) => void changes.push(change), () => now);
  });
  afterEach(() => storage.close());

  it('makes a sign-up link with a fresh secret token whose digest alone is stored', async () => {
    const first = await service.invite(ada, 'doc-a', 'New@Example.com', 'editor');
    const second = await service.invite(ada, 'doc-b', 'new@example.com', 'viewer');
    expect(first.link).toMatch(/^\/signup\?invite=qi_[\w-]{43}$/);
    expect(tokenOf(first.link)).not.toBe(tokenOf(second.link));
    expect((await service.resolve(tokenOf(first.link))).documentTitle).toBe('Plans');
  });

  it('refuses a wrong, foreign-looking, overlong or expired token with the same 404', async () => {
    const { link } = await service.invite(ada, 'doc-a', 'new@example.com', 'editor');
    for (const token of [`${INVITATION_PREFIX}not-one`, 'qt_an-api-token', `${INVITATION_PREFIX}${'x'.repeat(300)}`]) {
      await expect(service.resolve(token)).rejects.toMatchObject({ status: 404 });
    }
    now += 14 * 24 * 60 * 60 * 1000;
    await expect(service.resolve(tokenOf(link))).rejects.toMatchObject({ status: 404 });
  });

  it('admits only the invited email (trimmed, any case), and only while the invitation works', async () => {
    const { link } = await service.invite(ada, 'doc-a', 'new@example.com', 'editor');
    expect(await service.admits(tokenOf(link), ' NEW@example.com ')).toBe(true);
    expect(await service.admits(tokenOf(link), 'other@example.com')).toBe(false);
    await service.cancel('doc-a', (await service.list('doc-a'))[0].id);
    expect(await service.admits(tokenOf(link), 'new@example.com')).toBe(false);
    await expect(service.cancel('doc-a', 'no-such')).rejects.toMatchObject({ status: 404 });
  });

  it('accepting pushes an access change for the new member on every document it joins', async () => {
    await service.invite(ada, 'doc-a', 'new@example.com', 'editor');
    await service.invite(ada, 'doc-b', 'new@example.com', 'viewer');
    await service.accept('new@example.com', 'user-new');
    expect(changes).toEqual(expect.arrayContaining([{ documentId: 'doc-a', userId: 'user-new' }, { documentId: 'doc-b', userId: 'user-new' }]));
    expect(changes).toHaveLength(2);
    expect(storage.people.roleOf('doc-b', 'user-new')).toBe('viewer');
  });
});
