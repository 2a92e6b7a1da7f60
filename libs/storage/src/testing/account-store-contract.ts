import { afterEach, beforeEach, describe } from 'vitest';
import type { AccountStore, DocumentStoreWithAccounts } from '../account-store';
import { describeDocumentsAndLinks } from './contract-account-documents';
import { describeMembers } from './contract-account-members';
import { describeSecrets } from './contract-account-secrets';
import { describeSecurityEvents } from './contract-account-security-events';
import { describeUsers } from './contract-account-users';

/** What an account contract factory provides for one test: a store over empty storage, and a second one. */
export interface AccountStoreFixture {
  /** A store over empty storage, not yet opened: the suite calls `open()`. */
  readonly store: DocumentStoreWithAccounts;
  /**
   * A new, unopened store over the same storage, as a second server instance (or process) would
   * build it while the first is running: the suite races the two.
   */
  readonly another: () => Promise<DocumentStoreWithAccounts>;
  /** Removes what the fixture made (files, schemas); called after every store it gave is closed. */
  readonly cleanup?: () => Promise<void>;
}

/** The running test's stores, for the contract's sections. */
export interface AccountContractContext {
  /** The current store, opened. */
  store(): DocumentStoreWithAccounts;
  /** Its account store. */
  accounts(): AccountStore;
  /** A second store over the same storage, opened unless `open: false`; closed after the test. */
  another(options?: { open?: boolean }): Promise<DocumentStoreWithAccounts>;
}

/**
 * Registers the tests every {@link AccountStore} adapter must pass, under `describe(name)`.
 * `makeStore` is called before each test and must give a store over storage no other test sees.
 */
export function describeAccountStoreContract(name: string, makeStore: () => Promise<AccountStoreFixture>): void {
  describe(name, () => {
    let fixture: AccountStoreFixture | undefined;
    let current: DocumentStoreWithAccounts | undefined;
    const made: DocumentStoreWithAccounts[] = [];

    const context: AccountContractContext = {
      store() {
        if (!current) throw new Error('The contract store is not set up: call store() inside a test');
        return current;
      },
      accounts() {
        return context.store().accounts;
      },
      async another(options = {}) {
        if (!fixture) throw new Error('The contract store is not set up: call another() inside a test');
        const store = await fixture.another();
        made.push(store);
        if (options.open ?? true) await store.open();
        return store;
      },
    };

    beforeEach(async () => {
      fixture = await makeStore();
      current = fixture.store;
      made.push(current);
      await current.open();
    });

    afterEach(async () => {
      // Close everything even if one close fails, then report the first failure.
      const closed = await Promise.allSettled(made.splice(0).map((store) => store.close()));
      await fixture?.cleanup?.();
      fixture = undefined;
      current = undefined;
      const failure = closed.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
    });

    describeUsers(context);
    describeSecrets(context);
    describeMembers(context);
    describeDocumentsAndLinks(context);
    describeSecurityEvents(context);
  });
}
