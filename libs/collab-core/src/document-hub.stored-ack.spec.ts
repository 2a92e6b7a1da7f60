import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { eventually } from './testing/eventually';
import { HubFixture, TEST_DOCUMENT } from './testing/hub-fixture';
import { InstancesFixture } from './testing/instances-fixture';
import { settle, writerAccess, type TestClient } from './testing/test-client';

let fixture: HubFixture | undefined;
let instances: InstancesFixture | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await fixture?.cleanup();
  await instances?.cleanup();
  fixture = undefined;
  instances = undefined;
});

const acknowledging = { acknowledge: true } as const;
const acks = (client: TestClient) => client.receivedOf('stored');
/** The highest clock acknowledged for each client id, over every acknowledgement received. */
function storedClocks(client: TestClient): Map<number, number> {
  const clocks = new Map<number, number>();
  for (const ack of acks(client)) for (const [id, clock] of ack.clocks) clocks.set(id, Math.max(clock, clocks.get(id) ?? 0));
  return clocks;
}
const ownClock = (client: TestClient) => Y.getState(client.doc.store, client.doc.clientID);

describe('stored acknowledgements', () => {
  it('are never sent to a client that did not ask, on the same document as one that did', async () => {
    fixture = new HubFixture();
    const stock = fixture.client();
    const asking = fixture.client(TEST_DOCUMENT, writerAccess('asking'), acknowledging);
    await settle();
    stock.text.insert(0, 'stock ');
    asking.text.insert(0, 'asking ');
    await fixture.hub.flush();
    await settle();
    expect(stock.received.map((message) => message.type)).not.toContain('stored');
    expect(stock.text.toString()).toBe(asking.text.toString());
    expect(acks(asking).length).toBeGreaterThan(0);
  });

  it('say exactly how far each client id is stored, and count every update frame the client sent', async () => {
    fixture = new HubFixture();
    const client = fixture.client(TEST_DOCUMENT, writerAccess('a'), acknowledging);
    await settle();
    // Its sync step 2 (nothing new) is frame 1, acknowledged at once.
    expect(client.updateFramesSent).toBe(1);
    expect(client.storedThrough).toBe(1);
    client.text.insert(0, 'hello');
    await settle();
    expect(acks(client).at(-1)).toEqual({ type: 'stored', through: 2, clocks: new Map([[client.doc.clientID, 5]]) });
    client.text.insert(5, ' world');
    client.text.delete(0, 1);
    await settle();
    expect(client.updateFramesSent).toBe(4);
    expect(client.storedThrough).toBe(4);
    // The deletion moves no clock (the frame count covers it): the clock is the insertion's end.
    expect(ownClock(client)).toBe(11);
    expect(storedClocks(client)).toEqual(new Map([[client.doc.clientID, 11]]));
    expect(fixture.storedText()).toBe('ello world');
  });

  it('merge the updates of one group commit into one acknowledgement, sent only after the append resolves', async () => {
    fixture = new HubFixture();
    const client = fixture.client(TEST_DOCUMENT, writerAccess('a'), acknowledging);
    await settle();
    fixture.store.holdAppends();
    client.text.insert(0, 'a');
    await settle();
    client.text.insert(1, 'b');
    client.text.insert(2, 'c');
    await settle();
    expect(client.storedThrough).toBe(1);
    fixture.store.appendCalls[0]?.gate.resolve();
    await eventually(() => client.storedThrough === 2, 'the first batch is acknowledged');
    expect(acks(client).at(-1)?.clocks).toEqual(new Map([[client.doc.clientID, 1]]));
    fixture.store.releaseAppends();
    await eventually(() => fixture?.store.appendCalls.length === 2, 'the second batch goes to the store');
    fixture.store.appendCalls[1]?.gate.resolve();
    await eventually(() => client.storedThrough === 4, 'the second batch is acknowledged');
    expect(acks(client).at(-1)?.clocks).toEqual(new Map([[client.doc.clientID, 3]]));
    // Two appends, two acknowledgements (plus the step 2's).
    expect(acks(client)).toHaveLength(3);
  });

  it('are withheld while the store fails, and sent once the held updates are finally stored', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fixture = new HubFixture();
    const client = fixture.client(TEST_DOCUMENT, writerAccess('a'), acknowledging);
    await settle();
    fixture.store.failAppends = 3;
    client.text.insert(0, 'held');
    await settle();
    // A frame with nothing new waits behind the held one: "through" may not skip it.
    client.send(new Uint8Array([0, 2, 2, 0, 0]));
    await vi.advanceTimersByTimeAsync(250);
    await settle();
    expect(fixture.hub.storeAvailable).toBe(false);
    expect(client.storedThrough).toBe(1);
    expect(fixture.storedText()).toBe('');
    await vi.advanceTimersByTimeAsync(500);
    await settle();
    expect(fixture.storedText()).toBe('held');
    expect(client.storedThrough).toBe(3);
    expect(acks(client).flatMap((ack) => [...ack.clocks])).toEqual([[client.doc.clientID, 4]]);
  });

  it('are not sent for edits a viewer is not allowed to make', async () => {
    fixture = new HubFixture();
    const viewer = fixture.client(TEST_DOCUMENT, { user: { id: 'v', name: 'V' }, readOnly: true }, acknowledging);
    await settle();
    viewer.text.insert(0, 'not stored');
    await settle();
    expect(fixture.storedText()).toBe('');
    expect(viewer.storedThrough).toBe(0);
  });

  it('come from the instance a client is connected to, and never for updates from another instance', async () => {
    instances = await new InstancesFixture().open();
    const a = instances.instance('A');
    const b = instances.instance('B');
    const onA = instances.client(a, TEST_DOCUMENT, writerAccess('on-a'), acknowledging);
    const onB = instances.client(b, TEST_DOCUMENT, writerAccess('on-b'), acknowledging);
    await settle();
    onA.text.insert(0, 'from A');
    await eventually(() => onB.text.toString() === 'from A', 'B relays A’s edit');
    await eventually(() => onA.storedThrough === 2, 'A acknowledges its own client');
    onB.text.insert(0, 'from B, ');
    await eventually(() => onB.storedThrough === 2, 'B acknowledges its own client');
    await eventually(() => onA.text.toString() === 'from B, from A', 'A relays B’s edit');
    const clientsIn = (client: TestClient) => new Set(acks(client).flatMap((ack) => [...ack.clocks.keys()]));
    expect(clientsIn(onA)).toEqual(new Set([onA.doc.clientID]));
    expect(clientsIn(onB)).toEqual(new Set([onB.doc.clientID]));
    expect(await instances.storedText()).toBe('from B, from A');
  });
});
