import { documentExists, noSuchDocument } from '../checks';
import type { DocumentInfo } from '../directory-records';
import type { MemoryData, MemoryDocument } from './memory-data';

/**
 * What a {@link MemoryStorage} has in place of a directory: the few calls that make a document
 * exist for its log, and read or rename it, as the directory's `createOwnedDocument`, `getDocument`
 * and `renameDocument` do (without owners: there are no accounts in memory).
 */
export class MemoryDocuments {
  /** `data` refuses calls while the storage is not open. */
  constructor(private readonly data: () => MemoryData) {}

  /**
   * Creates an empty document, its title explicit when given; `document-exists` if the id is
   * taken. Done before the promise is returned, so a caller that does not wait still finds it.
   */
  async create(id: string, title?: string): Promise<DocumentInfo> {
    const { documents } = this.data();
    if (documents.has(id)) throw documentExists(id);
    const now = Date.now();
    const document = {
      title: title ?? '',
      titleExplicit: title !== undefined,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      rows: [],
      versions: [],
      edits: new Map(),
      clients: new Set<string>(),
    };
    documents.set(id, document);
    return info(id, document);
  }

  /** The document's title and dates, or `undefined` if it was never created (or is in the trash). */
  async get(id: string): Promise<DocumentInfo | undefined> {
    const document = this.data().documents.get(id);
    return document && document.deletedAt === null ? info(id, document) : undefined;
  }

  /** Moves a document to the trash, as the directory's `trashDocument` does; false if it is not there. */
  async trash(id: string): Promise<boolean> {
    const document = this.data().documents.get(id);
    if (!document || document.deletedAt !== null) return false;
    document.deletedAt = Date.now();
    return true;
  }

  /** Takes a document out of the trash; false if it is not in it. */
  async restore(id: string): Promise<boolean> {
    const document = this.data().documents.get(id);
    if (!document || document.deletedAt === null) return false;
    document.deletedAt = null;
    return true;
  }

  /** Sets the title explicitly: derived titles no longer replace it. `no-such-document` if missing. */
  async rename(id: string, title: string): Promise<void> {
    const document = this.data().documents.get(id);
    if (!document) throw noSuchDocument(id, 'rename it');
    document.title = title;
    document.titleExplicit = true;
  }
}

function info(id: string, document: MemoryDocument): DocumentInfo {
  return { id, title: document.title, createdAt: new Date(document.createdAt), updatedAt: new Date(document.updatedAt) };
}
