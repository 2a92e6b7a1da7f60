import { describe, expect, it } from 'vitest';
import { IDENTITY_KEY, loadIdentity, saveName, type IdentityStorage } from './identity-store';

function memoryStorage(initial: Record<string, string> = {}): IdentityStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe('identity store', () => {
  it('creates and keeps a random id, with no name until one is chosen', () => {
    const storage = memoryStorage();
    const first = loadIdentity(storage, () => 'id-000001');
    expect(first).toEqual({ id: 'id-000001', name: null });
    expect(loadIdentity(storage, () => 'other-id-2')).toEqual(first);
  });

  it('remembers a chosen name, tidied', () => {
    const storage = memoryStorage();
    const identity = loadIdentity(storage, () => 'id-000001');
    expect(saveName(storage, identity, '  Ada  ')).toEqual({ id: 'id-000001', name: 'Ada' });
    expect(loadIdentity(storage)).toEqual({ id: 'id-000001', name: 'Ada' });
    expect(saveName(storage, identity, '   ')).toBeNull();
  });

  it('starts again from unreadable or tampered storage', () => {
    expect(loadIdentity(memoryStorage({ [IDENTITY_KEY]: '{oops' }), () => 'fresh-id-1')).toEqual({ id: 'fresh-id-1', name: null });
    const tampered = memoryStorage({ [IDENTITY_KEY]: JSON.stringify({ id: '<script>', name: 42 }) });
    expect(loadIdentity(tampered, () => 'fresh-id-2')).toEqual({ id: 'fresh-id-2', name: null });
  });

  it('still works when storage refuses to write', () => {
    const storage: IdentityStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadIdentity(storage, () => 'id-000003')).toEqual({ id: 'id-000003', name: null });
  });
});
