import { describe, expect, it } from 'vitest';
import { busOrigin, clientOrigin, originConnection, storeOrigin, updatePolicy } from './transaction-origin';

describe('updatePolicy', () => {
  it('stores and relays client updates, relays bus updates, and does neither for the store', () => {
    const connection = { connectionId: 'c1' };
    expect(updatePolicy(clientOrigin(connection))).toEqual({ store: true, relay: true });
    expect(updatePolicy(busOrigin)).toEqual({ store: false, relay: true });
    expect(updatePolicy(storeOrigin)).toEqual({ store: false, relay: false });
  });

  it('stores and relays an update of unknown origin rather than lose it', () => {
    for (const origin of [null, undefined, 'local', { kind: 'other' }]) {
      expect(updatePolicy(origin)).toEqual({ store: true, relay: true });
    }
  });

  it('names the connection only for client origins', () => {
    const connection = { connectionId: 'c1' };
    expect(originConnection(clientOrigin(connection))).toBe(connection);
    expect(originConnection(busOrigin)).toBeUndefined();
    expect(originConnection({ connection })).toBeUndefined();
  });
});
