import type { Directory } from '../directory';
import type { DocumentInfo } from '../directory-records';
import { StorageError } from '../storage-error';
import { newUser } from './directory-fixtures';

/**
 * What a test of the update log needs of the directory, or of something standing in for it:
 * documents to write to (append never creates one), and their titles and dates, which appends
 * change. `MemoryStorage.documents` is one; {@link ownedDocuments} makes one of a directory.
 */
export interface TestDocuments {
  /** Creates an empty document, its title explicit when given; `document-exists` if the id is taken. */
  create(id: string, title?: string): Promise<DocumentInfo>;
  /** The document's title and dates, or `undefined` if no document has this id. */
  get(id: string): Promise<DocumentInfo | undefined>;
  /** Sets the title explicitly, as a rename does. */
  rename(id: string, title: string): Promise<void>;
  /** Moves the document to the trash: the log refuses appends to it until it is restored. */
  trash(id: string): Promise<boolean>;
  /** Takes it out of the trash. */
  restore(id: string): Promise<boolean>;
}

/** The account that owns the documents {@link ownedDocuments} creates. */
export const DOCUMENT_OWNER = newUser('owner');

/**
 * A directory's documents for a test: each created by `createOwnedDocument`, owned by
 * {@link DOCUMENT_OWNER}, whose account is made on first use (a document always has an owner).
 */
export function ownedDocuments(directory: Directory): TestDocuments {
  return {
    async create(id, title) {
      await ensureOwner(directory);
      return directory.createOwnedDocument(id, DOCUMENT_OWNER.id, title);
    },
    get: (id) => directory.getDocument(id),
    rename: (id, title) => directory.renameDocument(id, title),
    trash: (id) => directory.trashDocument(id, new Date()),
    restore: async (id) => (await directory.restoreDocument(id, DOCUMENT_OWNER.id)) !== undefined,
  };
}

/**
 * Creates each document, empty and untitled, as the server does before anything is written to it:
 * `append` never creates a document.
 */
export async function createDocuments(documents: TestDocuments, ...ids: string[]): Promise<void> {
  for (const id of ids) await documents.create(id);
}

/** {@link createDocuments} through a directory: each owned by {@link DOCUMENT_OWNER}. */
export function createOwnedDocuments(directory: Directory, ...ids: string[]): Promise<void> {
  return createDocuments(ownedDocuments(directory), ...ids);
}

async function ensureOwner(directory: Directory): Promise<void> {
  if (await directory.getUser(DOCUMENT_OWNER.id)) return;
  try {
    await directory.createUser(DOCUMENT_OWNER);
  } catch (error) {
    // Another instance, sharing the database, made it meanwhile.
    if (!(error instanceof StorageError && error.code === 'conflict')) throw error;
  }
}
