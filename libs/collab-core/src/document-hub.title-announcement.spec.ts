import { TITLE_CHANGED_AT } from '@quire/constants';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from './testing/eventually';
import { HubFixture, TEST_DOCUMENT } from './testing/hub-fixture';
import { InstancesFixture } from './testing/instances-fixture';
import { settle, type TestClient } from './testing/test-client';

/** The announcements a client has seen: client id → time announced. */
function announcements(client: TestClient): Map<number, unknown> {
  const seen = new Map<number, unknown>();
  client.awareness.getStates().forEach((state, clientId) => {
    if (TITLE_CHANGED_AT in state) seen.set(clientId, state[TITLE_CHANGED_AT]);
  });
  return seen;
}

describe('DocumentHub.announceTitleChange', () => {
  let hubFixture: HubFixture | undefined;
  let instancesFixture: InstancesFixture | undefined;
  afterEach(async () => {
    await hubFixture?.cleanup();
    await instancesFixture?.cleanup();
    hubFixture = undefined;
    instancesFixture = undefined;
  });

  it('reaches every connection as an awareness state of its own, with no user, one per instance however many renames', async () => {
    hubFixture = new HubFixture();
    const a = hubFixture.client();
    const b = hubFixture.client();
    await settle();

    const before = Date.now();
    hubFixture.hub.announceTitleChange(TEST_DOCUMENT);
    await eventually(() => announcements(a).size === 1 && announcements(b).size === 1, 'both clients hear the announcement');
    const [[clientId, first]] = [...announcements(b)];
    expect(first).toBeGreaterThanOrEqual(before);
    expect(b.awareness.getStates().get(clientId)).not.toHaveProperty('user');
    expect([a.doc.clientID, b.doc.clientID]).not.toContain(clientId);

    // At once again, within the same millisecond perhaps: still news, still one state.
    for (let i = 0; i < 20; i++) hubFixture.hub.announceTitleChange(TEST_DOCUMENT);
    await eventually(() => (announcements(b).get(clientId) as number) >= (first as number) + 20, 'the latest announcement replaces the first');
    expect(announcements(b).size).toBe(1);
    expect(announcements(a).get(clientId)).toBe(announcements(b).get(clientId));
  });

  it('reaches the clients of another instance, from an instance that does not have the document open', async () => {
    instancesFixture = await new InstancesFixture().open();
    const announcer = instancesFixture.instance('A');
    const reader = instancesFixture.client(instancesFixture.instance('B'));
    await settle();

    announcer.hub.announceTitleChange(TEST_DOCUMENT);
    await eventually(() => announcements(reader).size === 1, 'the client on B hears the announcement made at A');
    expect(announcer.hub.stats.documentsLoaded).toBe(0);
  });

  it('is nothing to an instance where nobody has the document open', async () => {
    hubFixture = new HubFixture();
    hubFixture.hub.announceTitleChange('closed-document');
    await settle();
    expect(hubFixture.hub.stats.documentsLoaded).toBe(0);
  });
});
