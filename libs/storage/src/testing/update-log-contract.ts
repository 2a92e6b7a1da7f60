import { useContractStorage } from './contract-lifecycle-hooks';
import { describe } from 'vitest';
import type { Storage } from '../storage';
import type { UpdateLog } from '../update-log';
import type { VersionHistory } from '../version-history';
import { describeCompaction } from './contract-compaction';
import { describeLifecycle } from './contract-lifecycle';
import { describeLog } from './contract-log';
import { describeTitles } from './contract-titles';
import { describeVersionAuthors } from './contract-version-authors';
import { describeVersions } from './contract-versions';
import { newUser } from './directory-fixtures';
import { ownedDocuments, type TestDocuments } from './test-documents';

/**
 * Storage as the update log contract sees it: the log, the documents it writes to, their versions
 * and the lifecycle. `MemoryStorage` is one; {@link withOwnedDocuments} makes one of a {@link Storage}.
 */
export interface LogContractStorage {
  readonly log: UpdateLog;
  readonly documents: TestDocuments;
  readonly versions: VersionHistory;
  /**
   * Makes the account `user-<name>`, named `<Name>`, and resolves its id; absent where storage has
   * no accounts (memory), and then versions name their authors by id only.
   */
  readonly addUser?: (name: string) => Promise<string>;
  open(): Promise<void>;
  close(): Promise<void>;
}

/** What a contract factory provides for one test: storage that is empty, and how to find it again. */
export interface UpdateLogFixture {
  /** Storage over empty storage, not yet opened: the suite calls `open()`. */
  readonly storage: LogContractStorage;
  /**
   * New, unopened storage over the same data, as a restarted process would build it; called once
   * the previous one is closed. Required: every adapter is meant to outlive a restart.
   */
  readonly reopen: () => Promise<LogContractStorage>;
  /** Removes what the fixture made (files, schemas); called after every storage it gave is closed. */
  readonly cleanup?: () => Promise<void>;
}

/** The running test's storage, for the contract's sections. */
export interface UpdateLogContractContext {
  /** The current storage, opened. */
  storage(): LogContractStorage;
  /** Its log. */
  log(): UpdateLog;
  /** Its documents. */
  documents(): TestDocuments;
  /** Closes the current storage and makes a reopened one current (opened unless `open: false`). */
  restart(options?: { open?: boolean }): Promise<LogContractStorage>;
}

/** A SQL adapter's storage as the contract takes it: documents made through its directory, with an owner. */
export function withOwnedDocuments(storage: Storage): LogContractStorage {
  return {
    log: storage.log,
    documents: ownedDocuments(storage.directory),
    versions: storage.versions,
    addUser: async (name) => (await storage.directory.createUser(newUser(name))).id,
    open: () => storage.open(),
    close: () => storage.close(),
  };
}

/**
 * Registers the tests every {@link UpdateLog} adapter must pass, under `describe(name)`.
 * `makeStorage` is called before each test and must give storage no other test sees.
 */
export function describeUpdateLogContract(name: string, makeStorage: () => Promise<UpdateLogFixture>): void {
  describe(name, () => {
    const state = useContractStorage<LogContractStorage, UpdateLogFixture>(makeStorage);

    const context: UpdateLogContractContext = {
      storage() {
        if (!state.current) throw new Error('The contract storage is not set up: use it inside a test');
        return state.current;
      },
      log() {
        return context.storage().log;
      },
      documents() {
        return context.storage().documents;
      },
      async restart(options = {}) {
        if (!state.fixture || !state.current) throw new Error('The contract storage is not set up: call restart() inside a test');
        await state.current.close();
        state.current = await state.fixture.reopen();
        state.made.push(state.current);
        if (options.open ?? true) await state.current.open();
        return state.current;
      },
    };

    describeLog(context);
    describeCompaction(context);
    describeTitles(context);
    describeLifecycle(context);
    describeVersions(context);
    describeVersionAuthors(context);
  });
}
