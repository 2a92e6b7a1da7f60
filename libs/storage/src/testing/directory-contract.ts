import { useContractStorage } from './contract-lifecycle-hooks';
import { describe } from 'vitest';
import type { Directory } from '../directory';
import type { Storage } from '../storage';
import type { UpdateLog } from '../update-log';
import { describeDocumentsAndLinks } from './contract-directory-documents';
import { describeFiles } from './contract-directory-files';
import { describeDocumentVersions } from './contract-directory-versions';
import { describeMembers } from './contract-directory-members';
import { describeSecrets } from './contract-directory-secrets';
import { describeSecurityEvents } from './contract-directory-security-events';
import { describeUsers } from './contract-directory-users';
import { describeOrganizing } from './contract-directory-organizing';
import { describePages } from './contract-directory-pages';
import { describeSearch } from './contract-search';

/** What a directory contract factory provides for one test: empty storage, a second instance of it, and old rows. */
export interface DirectoryFixture {
  /** Storage over an empty database, not yet opened: the suite calls `open()`. */
  readonly storage: Storage;
  /**
   * New, unopened storage over the same database, as a second server instance (or process) would
   * build it while the first is running: the suite races the two.
   */
  readonly another: () => Promise<Storage>;
  /**
   * Inserts a document row with no owner straight into the database, as a database from before
   * accounts holds them: no call of the directory makes one.
   */
  readonly addDocumentWithoutOwner: (id: string, title?: string) => Promise<void>;
  /** Removes what the fixture made (files, schemas); called after every storage it gave is closed. */
  readonly cleanup?: () => Promise<void>;
}

/** The running test's storage, for the contract's sections. */
export interface DirectoryContractContext {
  /** The current storage, opened. */
  storage(): Storage;
  /** Its directory. */
  directory(): Directory;
  /** Its update log, which the directory's documents decide about. */
  log(): UpdateLog;
  /** A second storage over the same database, opened unless `open: false`; closed after the test. */
  another(options?: { open?: boolean }): Promise<Storage>;
  /** See {@link DirectoryFixture.addDocumentWithoutOwner}. */
  addDocumentWithoutOwner(id: string, title?: string): Promise<void>;
}

/**
 * Registers the tests every {@link Directory} adapter must pass, under `describe(name)`.
 * `makeStorage` is called before each test and must give storage no other test sees.
 */
export function describeDirectoryContract(name: string, makeStorage: () => Promise<DirectoryFixture>): void {
  describe(name, () => {
    const state = useContractStorage<Storage, DirectoryFixture>(makeStorage);

    const context: DirectoryContractContext = {
      storage() {
        if (!state.current) throw new Error('The contract storage is not set up: call storage() inside a test');
        return state.current;
      },
      directory() {
        return context.storage().directory;
      },
      log() {
        return context.storage().log;
      },
      async another(options = {}) {
        if (!state.fixture) throw new Error('The contract storage is not set up: call another() inside a test');
        const storage = await state.fixture.another();
        state.made.push(storage);
        if (options.open ?? true) await storage.open();
        return storage;
      },
      async addDocumentWithoutOwner(id, title) {
        if (!state.fixture) throw new Error('The contract storage is not set up: call addDocumentWithoutOwner() inside a test');
        await state.fixture.addDocumentWithoutOwner(id, title);
      },
    };

    describeUsers(context);
    describeSecrets(context);
    describeMembers(context);
    describeDocumentsAndLinks(context);
    describeSecurityEvents(context);
    describeFiles(context);
    describeDocumentVersions(context);
    describeOrganizing(context);
    describePages(context);
    describeSearch(context);
  });
}
