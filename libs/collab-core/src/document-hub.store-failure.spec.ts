import { CloseCode } from '@quire/constants';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubFixture } from './testing/hub-fixture';
import { settle } from './testing/test-client';

let fixture: HubFixture;
afterEach(async () => {
  vi.useRealTimers();
  await fixture.cleanup();
});

describe('DocumentHub while the store fails writes', () => {
  it('reports the store unavailable, turns new connections away with 1013, and recovers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fixture = new HubFixture();
    const a = fixture.client();
    const b = fixture.client();
    await settle();
    expect(fixture.hub.storeAvailable).toBe(true);

    fixture.store.failAppends = 1;
    a.text.insert(0, 'held');
    await settle();
    expect(fixture.hub.storeAvailable).toBe(false);
    expect(b.text.toString()).toBe('');

    const late = fixture.client();
    await settle();
    expect(late.socket.closeCode).toBe(CloseCode.TryAgainLater);

    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(fixture.hub.storeAvailable).toBe(true);
    expect(fixture.storedText()).toBe('held');
    expect(b.text.toString()).toBe('held');
    expect(a.socket.closeCode).toBeUndefined();
  });

  it('closes a connection with 1013 instead of holding more than the backlog bound, applying nothing of it', async () => {
    fixture = new HubFixture({ maxBacklogBytes: 64 });
    const a = fixture.client();
    const b = fixture.client();
    await settle();
    fixture.store.holdAppends();
    a.text.insert(0, 'first');
    await settle();
    // The first update waits in the store; the next one would pass the 64-byte bound.
    b.text.insert(0, 'x'.repeat(100));
    await settle();
    expect(b.socket.closeCode).toBe(CloseCode.TryAgainLater);
    fixture.store.appendCalls[0].gate.resolve();
    await fixture.hub.flush();
    expect(fixture.storedText()).toBe('first');
    expect(a.socket.closeCode).toBeUndefined();
  });
});
