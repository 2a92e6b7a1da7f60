import { TEST_DOCUMENT } from './testing/hub-fixture';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from './testing/eventually';
import { InstancesFixture } from './testing/instances-fixture';
import { settle, writerAccess } from './testing/test-client';

let f: InstancesFixture;
afterEach(() => f.cleanup());

const alice = { user: { id: 'u1', name: 'Alice', color: '#aa0000' }, cursor: null };
const bob = { user: { id: 'u2', name: 'Bob', color: '#0000aa' }, cursor: null };

describe('DocumentHub awareness across instances', () => {
  it('brings a state to the clients of other instances, and its removal when the client leaves', async () => {
    f = await new InstancesFixture().open();
    const a = f.client(f.instance('A'), TEST_DOCUMENT, writerAccess('u1', 'Alice'));
    const b = f.client(f.instance('B'));
    await settle();
    a.awareness.setLocalState(alice);
    await eventually(() => b.awareness.getStates().has(a.doc.clientID), 'b sees alice');
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual(alice);
    a.disconnect();
    await eventually(() => !b.awareness.getStates().has(a.doc.clientID), 'alice is gone for b');
  });

  it('gives an instance that loads the document later the states of the others at once', async () => {
    f = await new InstancesFixture().open();
    const a = f.client(f.instance('A'), TEST_DOCUMENT, writerAccess('u1', 'Alice'));
    await settle();
    a.awareness.setLocalState(alice);
    await settle();
    const late = f.client(f.instance('C'));
    await eventually(() => late.awareness.getStates().has(a.doc.clientID), 'the late client sees alice without her typing');
  });

  it('drops the states of an instance that dies, at every other instance and its clients', async () => {
    f = await new InstancesFixture().open();
    const dying = f.instance('A', { instanceTimeoutMs: 50 });
    const a = f.client(dying, TEST_DOCUMENT, writerAccess('u1', 'Alice'));
    const b = f.client(f.instance('B'));
    const c = f.client(f.instance('C'), TEST_DOCUMENT, writerAccess('u2', 'Bob'));
    await settle();
    a.awareness.setLocalState(alice);
    c.awareness.setLocalState(bob);
    await eventually(() => b.awareness.getStates().has(a.doc.clientID) && b.awareness.getStates().has(c.doc.clientID), 'b sees both');
    f.network.crash(dying.bus);
    await eventually(() => !b.awareness.getStates().has(a.doc.clientID), 'alice is gone for b');
    expect(c.awareness.getStates().has(a.doc.clientID)).toBe(false);
    expect(b.awareness.getStates().get(c.doc.clientID)).toEqual(bob);
  });

  it('sends its states again after a gap, so that instances which expired them see them again', async () => {
    f = await new InstancesFixture().open();
    const instanceA = f.instance('A');
    const a = f.client(instanceA, TEST_DOCUMENT, writerAccess('u1', 'Alice'));
    const b = f.client(f.instance('B'));
    await settle();
    f.network.interrupt(instanceA.bus);
    a.awareness.setLocalState(alice);
    await settle();
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
    f.network.restore(instanceA.bus);
    await eventually(() => b.awareness.getStates().has(a.doc.clientID), 'b sees alice once A is back');
  });
});
