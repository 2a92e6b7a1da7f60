import { CloseCode } from '@quire/constants';
import { encodeQueryAwareness, encodeUpdate } from '@quire/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEPALIVE_FRAME } from './connection';
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

describe('DocumentHub keepalive', () => {
  it('sends a no-op frame to a connection that was sent nothing for a while, so the stock client does not reconnect', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    fixture = new HubFixture({ limits: { keepAliveMs: 1_000 } });
    const lone = fixture.client();
    await settle();
    const before = lone.socket.sent.length;
    lone.text.insert(0, 'typing alone');
    await settle();
    vi.advanceTimersByTime(1_600);
    const after = lone.socket.sent.slice(before).map((frame) => Array.from(frame));
    expect(after).toContainEqual(Array.from(KEEPALIVE_FRAME));
    expect(lone.socket.closeCode).toBeUndefined();
    vi.useRealTimers();
  });
});

describe('DocumentHub update guard', () => {
  it('refuses an update claiming millions of structs before Yjs reads it', async () => {
    fixture = new HubFixture();
    const attacker = fixture.client();
    const bystander = fixture.client();
    await settle();
    // varUint(1 client) varUint(50,000,000 structs) varUint(client 1) varUint(clock 0) + one byte
    const bomb = Uint8Array.from([1, 0x80, 0xe1, 0xeb, 0x17, 1, 0, 0]);
    attacker.socket.deliver(encodeUpdate(bomb));
    await settle();
    expect(attacker.socket.closeCode).toBe(CloseCode.ProtocolError);
    expect(bystander.socket.closeCode).toBeUndefined();
  });
});
