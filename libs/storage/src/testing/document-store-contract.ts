import { afterEach, beforeEach, describe } from 'vitest';
import type { DocumentStore } from '../document-store';
import { describeCompaction } from './contract-compaction';
import { describeLifecycle } from './contract-lifecycle';
import { describeLog } from './contract-log';
import { describeMetadata } from './contract-metadata';

/** What a contract factory provides for one test: a store over empty storage, and how to find it again. */
export interface DocumentStoreFixture {
  /** A store over empty storage, not yet opened: the suite calls `open()`. */
  readonly store: DocumentStore;
  /**
   * A new, unopened store over the same storage, as a restarted process would build it; called
   * once the previous store is closed. Required: every adapter is meant to outlive a restart.
   */
  readonly reopen: () => Promise<DocumentStore>;
  /** Removes what the fixture made (files, schemas); called after every store it gave is closed. */
  readonly cleanup?: () => Promise<void>;
}

/** The running test's store, for the contract's sections. */
export interface ContractContext {
  /** The current store, opened. */
  store(): DocumentStore;
  /** Closes the current store and makes a reopened one current (opened unless `open: false`). */
  restart(options?: { open?: boolean }): Promise<DocumentStore>;
}

/**
 * Registers the tests every {@link DocumentStore} adapter must pass, under `describe(name)`.
 * `makeStore` is called before each test and must give a store over storage no other test sees.
 */
export function describeDocumentStoreContract(name: string, makeStore: () => Promise<DocumentStoreFixture>): void {
  describe(name, () => {
    let fixture: DocumentStoreFixture | undefined;
    let current: DocumentStore | undefined;
    const made: DocumentStore[] = [];

    const context: ContractContext = {
      store() {
        if (!current) throw new Error('The contract store is not set up: call store() inside a test');
        return current;
      },
      async restart(options = {}) {
        if (!fixture || !current) throw new Error('The contract store is not set up: call restart() inside a test');
        await current.close();
        current = await fixture.reopen();
        made.push(current);
        if (options.open ?? true) await current.open();
        return current;
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

    describeLog(context);
    describeCompaction(context);
    describeMetadata(context);
    describeLifecycle(context);
  });
}
