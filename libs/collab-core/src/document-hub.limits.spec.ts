import { CloseCode } from '@quire/constants';
import { encodeQueryAwareness } from '@quire/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubMetrics } from './metrics';
import { HubFixture } from './testing/hub-fixture';
import { settle } from './testing/test-client';

let fixture: HubFixture;
afterEach(async () => {
  await fixture.cleanup();
});

class CountingMetrics implements HubMetrics {
  readonly received = new Map<string, number>();
  readonly sent = new Map<string, number>();
  readonly rejections: string[] = [];
  storeWrites = 0;
  relays = 0;
  messageReceived(type: string) {
    this.received.set(type, (this.received.get(type) ?? 0) + 1);
  }
  messagesSent(type: string, _bytes: number, frames: number) {
    this.sent.set(type, (this.sent.get(type) ?? 0) + frames);
  }
  rejected(reason: string) {
    this.rejections.push(reason);
  }
  storeWrite() {
    this.storeWrites++;
  }
  relayed() {
    this.relays++;
  }
}

describe('DocumentHub limits', () => {
  it('closes a connection that sends faster than its rate with 1008, and only that one', async () => {
    const metrics = new CountingMetrics();
    fixture = new HubFixture({ limits: { messagesPerSecond: 1, messageBurst: 5 }, metrics });
    const calm = fixture.client();
    const flood = fixture.client();
    await settle();
    for (let i = 0; i < 10; i++) flood.socket.deliver(encodeQueryAwareness());
    await settle();
    expect(flood.socket.closeCode).toBe(CloseCode.PolicyViolation);
    expect(calm.socket.closeCode).toBeUndefined();
    expect(metrics.rejections).toContain('rate-limit');
  });

  it('refuses connections past the per-document bound', async () => {
    fixture = new HubFixture({ limits: { maxConnectionsPerDocument: 2 } });
    const a = fixture.client();
    const b = fixture.client();
    const c = fixture.client();
    const elsewhere = fixture.client('other-doc');
    await settle();
    expect(a.socket.closeCode).toBeUndefined();
    expect(b.socket.closeCode).toBeUndefined();
    expect(c.socket.closeCode).toBe(CloseCode.PolicyViolation);
    expect(elsewhere.socket.closeCode).toBeUndefined();
  });

  it('closes a slow consumer instead of queueing without bound', async () => {
    fixture = new HubFixture({ limits: { maxSendBufferBytes: 1000 } });
    const writer = fixture.client();
    const slow = fixture.client();
    await settle();
    slow.socket.bufferedAmount = 5000;
    writer.text.insert(0, 'hello');
    await settle();
    expect(slow.socket.closeCode).toBe(CloseCode.PolicyViolation);
    expect(writer.socket.closeCode).toBeUndefined();
    expect(fixture.storedText()).toBe('hello');
  });

  it('refuses an update that would grow the document past its bound, storing nothing of it', async () => {
    fixture = new HubFixture({ limits: { maxDocumentBytes: 200 } });
    const writer = fixture.client();
    await settle();
    writer.text.insert(0, 'small');
    await settle();
    writer.text.insert(0, 'x'.repeat(500));
    await settle();
    expect(writer.socket.closeCode).toBe(CloseCode.MessageTooBig);
    await fixture.hub.flush();
    expect(fixture.storedText()).toBe('small');
  });

  it('reports messages in and out, store writes and relays', async () => {
    const metrics = new CountingMetrics();
    fixture = new HubFixture({ metrics });
    const a = fixture.client();
    const b = fixture.client();
    await settle();
    a.text.insert(0, 'counted');
    await settle();
    await fixture.hub.flush();
    expect(metrics.received.get('sync-step-1')).toBe(2);
    expect(metrics.received.get('update')).toBeGreaterThanOrEqual(1);
    expect(metrics.sent.get('sync-step-1')).toBe(2);
    expect(metrics.sent.get('update')).toBe(1);
    expect(metrics.storeWrites).toBeGreaterThanOrEqual(1);
    expect(metrics.relays).toBe(1);
    expect(b.text.toString()).toBe('counted');
  });
});
