import { CloseCode, TITLE_CHANGED_AT } from '@quire/constants';
import { encodeAwareness, encodeAwarenessUpdate, encodeUpdate } from '@quire/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_DELETED_REASON } from './document-hub';
import { HubFixture, TEST_DOCUMENT } from './testing/hub-fixture';
import { settle, writerAccess } from './testing/test-client';
import { textUpdate } from './testing/updates';

let f: HubFixture | undefined;
afterEach(async () => {
  await f?.cleanup();
  f = undefined;
});

const alice = { id: 'u1', name: 'Alice' };
const guest = (id: string) => ({ user: { id, name: 'Guest' }, readOnly: true, guest: true });

describe('DocumentHub: access is enforced, and fails closed', () => {
  it('a connection without an access object may read, but its updates and awareness go nowhere', async () => {
    f = new HubFixture();
    const writer = f.client();
    const unknown = f.client(TEST_DOCUMENT, null);
    await settle();
    unknown.send(encodeUpdate(textUpdate('from nowhere')));
    unknown.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: 7, clock: 1, state: { user: alice } }])));
    writer.text.insert(0, 'hello');
    await settle();
    expect(unknown.text.toString()).toBe('hello');
    expect(writer.text.toString()).toBe('hello');
    expect(f.storedText()).toBe('hello');
    expect(writer.awareness.getStates().has(7)).toBe(false);
  });

  it('holds a connection’s frames while its access is re-checked, then handles them in order', async () => {
    f = new HubFixture();
    const reader = f.client();
    const writer = f.client();
    await settle();
    const connection = [...f.hub.openConnections()].find((candidate) => candidate.connectionId === writer.connectionId);
    expect(connection).toBeDefined();
    connection?.hold();
    writer.text.insert(0, 'one ');
    writer.text.insert(4, 'two');
    await settle();
    expect(reader.text.toString()).toBe('');
    connection?.release();
    await settle();
    expect(reader.text.toString()).toBe('one two');
  });

  it('drops what a held connection sent if its access was lowered meanwhile', async () => {
    f = new HubFixture();
    const reader = f.client();
    const writer = f.client();
    await settle();
    const connection = [...f.hub.openConnections()].find((candidate) => candidate.connectionId === writer.connectionId);
    connection?.hold();
    writer.text.insert(0, 'after the demotion');
    await settle();
    if (connection?.access) connection.access.readOnly = true;
    connection?.release();
    await settle();
    expect(reader.text.toString()).toBe('');
    expect(f.storedText()).toBe('');
  });

  it('no connection may take over the awareness client id of the server’s own announcements', async () => {
    f = new HubFixture();
    const watcher = f.client();
    const attacker = f.client(TEST_DOCUMENT, writerAccess('u2', 'Mallory'));
    await settle();
    f.hub.announceTitleChange(TEST_DOCUMENT);
    await settle();
    const announced = [...watcher.awareness.getStates()].find(([, state]) => TITLE_CHANGED_AT in state);
    expect(announced).toBeDefined();
    const [serverClientId, serverState] = announced as [number, Record<string, unknown>];
    attacker.send(encodeAwareness(encodeAwarenessUpdate([{ clientId: serverClientId, clock: 99, state: { user: { id: 'u2', name: 'Mallory' } } }])));
    await settle();
    expect(watcher.awareness.getStates().get(serverClientId)).toEqual(serverState);
  });

  it('lets guests fill only their share of the connections, and members the rest', async () => {
    f = new HubFixture({ limits: { maxConnectionsPerDocument: 4, maxGuestConnectionsPerDocument: 2 } });
    const guests = [f.client(TEST_DOCUMENT, guest('g1')), f.client(TEST_DOCUMENT, guest('g2')), f.client(TEST_DOCUMENT, guest('g3'))];
    await settle();
    expect(guests.map((client) => client.socket.closeCode)).toEqual([undefined, undefined, CloseCode.PolicyViolation]);
    const members = [f.client(), f.client()];
    await settle();
    expect(members.map((client) => client.socket.closeCode)).toEqual([undefined, undefined]);
    const oneTooMany = f.client();
    await settle();
    expect(oneTooMany.socket.closeCode).toBe(CloseCode.PolicyViolation);
  });

  it('drops a deleted document at once: its connections close with 4404 and a later load starts from the store', async () => {
    f = new HubFixture();
    const writer = f.client();
    await settle();
    writer.text.insert(0, 'before the delete');
    await settle();
    f.store.logs.delete(TEST_DOCUMENT);
    f.hub.dropDocument(TEST_DOCUMENT);
    expect(writer.socket.closeCode).toBe(CloseCode.NotFound);
    expect(writer.socket.closeReason).toBe(DOCUMENT_DELETED_REASON);
    expect(f.hub.stats.documentsLoaded).toBe(0);
    const fresh = f.client();
    await settle();
    expect(fresh.text.toString()).toBe('');
  });
});
