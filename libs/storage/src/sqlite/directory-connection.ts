import type Database from 'better-sqlite3';
import { noSuchUser, ownerUnchangeable } from '../directory-checks';
import type { ListedDocument } from '../directory-records';
import type { LinkRow, TicketRow, UserRow } from '../directory-rows';
import { documentExists, noSuchDocument } from '../checks';
import type { FileRow } from '../files';
import { prepareDocumentStatements, type DocumentStatements } from './document-statements';
import {
  prepareDirectoryStatements,
  type DirectoryStatements,
  type LinkParams,
  type MembershipParams,
  type TicketParams,
  type UserParams,
} from './directory-statements';
import { prepareFileStatements, type FileParams, type FileStatements } from './file-statements';
import { prepareOrganizingStatements, type OrganizingStatements } from './organizing-statements';
import { preparePageStatements, type PageStatements } from './page-statements';
import { prepareSecurityEventStatements, type SecurityEventStatements } from './security-event-statements';

/** The directory's side of an open database: statements, and the transactions that need several. */
export interface DirectoryConnection {
  readonly statements: DirectoryStatements;
  readonly documents: DocumentStatements;
  readonly securityEvents: SecurityEventStatements;
  readonly files: FileStatements;
  readonly organizing: OrganizingStatements;
  readonly pages: PageStatements;
  /** Moves a live document to the trash with its tickets dropped; false if none was live. */
  readonly trashDocument: (id: string, now: number) => boolean;
  /** Inserts the user and adopts ownerless documents, only while there is no user; else undefined. */
  readonly createFirstUser: (user: UserParams) => UserRow | undefined;
  readonly createOwnedDocument: (id: string, ownerId: string, title: string | undefined, now: number) => ListedDocument;
  /** Resolves the role held afterwards. */
  readonly setMember: (change: MembershipParams) => string;
  readonly joinAsMember: (change: MembershipParams) => string;
  readonly createTicket: (ticket: TicketParams) => void;
  readonly consumeTicket: (digest: string, now: number) => TicketRow | undefined;
  readonly createLink: (link: LinkParams) => LinkRow;
  readonly addFile: (file: FileParams) => FileRow;
  readonly requireDocument: (id: string, action: string) => void;
}

// Transactions are IMMEDIATE: they take the write lock before their first read, so what they read
// (no user yet, the document exists, the member is not the owner) still holds when they write,
// whatever another process does meanwhile.
export function prepareDirectoryConnection(db: Database.Database): DirectoryConnection {
  const statements = prepareDirectoryStatements(db);
  const documents = prepareDocumentStatements(db);
  const requireDocument = (id: string, action: string) => {
    if (!documents.get.get(id)) throw noSuchDocument(id, action);
  };

  const createFirstUser = db.transaction((user: UserParams) => {
    if ((statements.countUsers.get() ?? 0) > 0) return undefined;
    const row = statements.insertUser.get(user) as UserRow;
    statements.adoptOwnerless.run({ userId: user.id, now: user.now });
    return row;
  });

  const createOwnedDocument = db.transaction((id: string, ownerId: string, title: string | undefined, now: number) => {
    const owner = statements.getUser.get(ownerId);
    if (!owner) throw noSuchUser('create a document');
    const { changes } = documents.insert.run(id, title ?? '', title === undefined ? 0 : 1, now, now);
    if (changes === 0) throw documentExists(id);
    statements.insertOwner.run(id, ownerId, now);
    const at = new Date(now);
    const owned: ListedDocument = {
      id,
      title: title ?? '',
      createdAt: at,
      updatedAt: at,
      role: 'owner',
      owner: { id: owner.id, name: owner.name },
      // A new document: nobody has starred it yet.
      starred: false,
    };
    return owned;
  });

  const setMember = db.transaction((change: MembershipParams) => {
    requireDocument(change.documentId, 'set a member');
    const held = statements.setMember.get(change);
    // No row: the upsert's WHERE kept the owner's row as it was.
    if (held === undefined) throw ownerUnchangeable(change.documentId, `make them ${change.role}`);
    return held;
  });

  const joinAsMember = db.transaction((change: MembershipParams) => {
    requireDocument(change.documentId, 'join');
    return statements.joinAsMember.get(change) as string;
  });

  const createTicket = db.transaction((ticket: TicketParams) => {
    requireDocument(ticket.documentId, 'create a ticket');
    statements.insertTicket.run(ticket);
  });

  // One statement deletes and returns the row, so two consumers (two processes on one file) cannot
  // both get it; the IMMEDIATE transaction makes the second wait for the first's write lock.
  const consumeTicket = db.transaction((digest: string, now: number) => statements.consumeTicket.get(digest, now));

  const createLink = db.transaction((link: LinkParams) => {
    requireDocument(link.documentId, 'create a share link');
    return statements.insertLink.get(link) as LinkRow;
  });

  const files = prepareFileStatements(db);
  const addFile = db.transaction((file: FileParams) => {
    requireDocument(file.documentId, 'add a file');
    return files.insert.get(file) as FileRow;
  });

  const organizing = prepareOrganizingStatements(db);
  const trashDocument = db.transaction((id: string, now: number) => {
    if (organizing.trash.run(now, id).changes === 0) return false;
    organizing.dropTickets.run(id);
    return true;
  });

  return {
    statements,
    documents,
    organizing,
    pages: preparePageStatements(db),
    trashDocument: trashDocument.immediate,
    securityEvents: prepareSecurityEventStatements(db),
    files,
    createFirstUser: createFirstUser.immediate,
    createOwnedDocument: createOwnedDocument.immediate,
    setMember: setMember.immediate,
    joinAsMember: joinAsMember.immediate,
    createTicket: createTicket.immediate,
    consumeTicket: consumeTicket.immediate,
    createLink: createLink.immediate,
    addFile: addFile.immediate,
    requireDocument,
  };
}
