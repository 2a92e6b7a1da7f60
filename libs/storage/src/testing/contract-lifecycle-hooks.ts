import { afterEach, beforeEach } from 'vitest';

interface Closable {
  open(): Promise<void>;
  close(): Promise<void>;
}

/** What a contract suite's tests reach: the fixture of the running test, its opened storage, every storage it made. */
export interface ContractStorageState<F, S> {
  fixture: F | undefined;
  current: S | undefined;
  readonly made: S[];
}

/**
 * Registers the hooks every storage contract suite shares: a fresh fixture opened before each test,
 * and after it every storage it made closed (all of them, even if one close fails, then the first
 * failure reported) and the fixture cleaned up.
 */
export function useContractStorage<S extends Closable, F extends { readonly storage: S; readonly cleanup?: () => Promise<void> }>(
  makeStorage: () => Promise<F>,
): ContractStorageState<F, S> {
  const state: ContractStorageState<F, S> = { fixture: undefined, current: undefined, made: [] };
  beforeEach(async () => {
    state.fixture = await makeStorage();
    state.current = state.fixture.storage;
    state.made.push(state.current);
    await state.current.open();
  });
  afterEach(async () => {
    const closed = await Promise.allSettled(state.made.splice(0).map((storage) => storage.close()));
    await state.fixture?.cleanup?.();
    state.fixture = undefined;
    state.current = undefined;
    const failure = closed.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  });
  return state;
}
