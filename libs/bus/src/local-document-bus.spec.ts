import { describe, expect, it } from 'vitest';
import { LocalBusNetwork, LocalDocumentBus } from './local-document-bus';
import { describeDocumentBusContract, eventually, Inbox } from './testing/document-bus-contract';

describeDocumentBusContract('LocalDocumentBus', async () => {
  const network = new LocalBusNetwork();
  return {
    connect: async () => network.connect({ instanceTimeoutMs: 500 }),
    outage: async (during) => {
      network.interrupt();
      try {
        await during();
      } finally {
        network.restore();
      }
    },
    crash: (bus) => network.crash(bus as LocalDocumentBus),
  };
});

describe('LocalDocumentBus', () => {
  it('alone (the default), delivers nothing anywhere and is up', async () => {
    const bus = new LocalDocumentBus();
    const inbox = new Inbox();
    bus.subscribe('doc', inbox.listener);
    bus.publish('doc', { type: 'hello', catchUp: false });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(inbox.deliveries).toEqual([]);
    expect(bus.status).toBe('ok');
    expect(bus.stats).toMatchObject({ published: 1, received: 0 });
    await bus.close();
  });

  it('cuts off one bus: its messages are lost both ways until restored, then it reports a gap', async () => {
    const network = new LocalBusNetwork();
    const [a, b] = [network.connect(), network.connect()];
    const inA = new Inbox();
    const inB = new Inbox();
    a.subscribe('doc', inA.listener);
    b.subscribe('doc', inB.listener);
    const gaps: (string | undefined)[] = [];
    b.onGap((documentId) => gaps.push(documentId));
    network.interrupt(b);
    a.publish('doc', { type: 'hello', catchUp: false });
    b.publish('doc', { type: 'hello', catchUp: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([inA.deliveries, inB.deliveries]).toEqual([[], []]);
    expect(a.status).toBe('ok');
    expect(b.status).toBe('down');
    network.restore(b);
    await eventually(() => gaps.length === 1, 'b reports the gap');
    expect(gaps).toEqual([undefined]);
    a.publish('doc', { type: 'hello', catchUp: false });
    await eventually(() => inB.deliveries.length === 1, 'b receives again');
  });

  it('refuses a second bus with the same instance id on one network', () => {
    const network = new LocalBusNetwork();
    network.connect({ instanceId: 'same' });
    expect(() => network.connect({ instanceId: 'same' })).toThrow(/already on this network/);
  });
});
