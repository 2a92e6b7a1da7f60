import type { Role, ShareRole } from '@quire/api-contract';
import type {
  ApiTokenInfo,
  DocumentInfo,
  ListedDocument,
  Member,
  NewApiToken,
  NewShareLink,
  NewUser,
  ShareLink,
  StoredSession,
  Ticket,
  User,
  UserWithPassword,
} from './directory-records';
import type { NewStoredFile, StoredFile } from './files';
import type { DocumentOrganizing } from './organizing';
import type { PageRequest } from './page';
import type { NewSecurityEvent, SecurityEvent } from './security-events';

/** How stale an API token's recorded last use may get before a use records it again. */
export const LAST_USE_RESOLUTION_MS = 60_000;

/**
 * Who and what exists, and who may do what: documents (their titles, dates and members), share
 * links, socket tickets, uploaded files' records, accounts, sessions, API tokens, settings and
 * security events; everything
 * the HTTP API reads and changes, while the `UpdateLog` holds the documents' content. In the
 * same database as the log, so that deleting a document takes its log with it and every server
 * instance sees the same state. Methods reject with a `StorageError`: `conflict` for a
 * duplicate (email, user id, token id, digest, link id), `no-such-document` where a document must
 * exist, `invalid-argument` for malformed input and for a user id no account has.
 */
export interface Directory extends DocumentOrganizing {
  // --- documents and members ---------------------------------------------------------------------
  /** A document's title and dates, or `undefined` if no document has this id (never created, or deleted). */
  getDocument(id: string): Promise<DocumentInfo | undefined>;
  /**
   * Creates a document, empty, owned by `ownerId`, in one transaction: the only way a document
   * comes into being (the log never creates one); `document-exists` if the id is taken,
   * `invalid-argument` if no account has `ownerId`.
   */
  createOwnedDocument(id: string, ownerId: string, title?: string): Promise<ListedDocument>;
  /** The user's role on a document, or undefined when they are not a member (or it does not exist). */
  getRole(documentId: string, userId: string): Promise<Role | undefined>;
  /** The document as this user sees it (with whether they starred it), if they are a member. */
  getMemberDocument(documentId: string, userId: string): Promise<ListedDocument | undefined>;
  /** Documents the user is a member of, most recently changed first. */
  listMemberDocuments(userId: string): Promise<ListedDocument[]>;
  /**
   * A page of the documents the user owns, most recently changed first (then by id; keyed on
   * `updatedAt`): the home page's "My documents".
   */
  listOwnedDocuments(userId: string, page: PageRequest): Promise<ListedDocument[]>;
  /**
   * A page of the documents the user may read but does not own (shared with them directly or
   * through a folder), in the same order: "Shared with me".
   */
  listSharedDocuments(userId: string, page: PageRequest): Promise<ListedDocument[]>;
  /** Members, owner first, then by when they were added; empty for an unknown document. */
  listMembers(documentId: string): Promise<Member[]>;
  /**
   * Adds a member or changes their role. Never changes the owner's role, and never makes a second
   * owner: both are refused with `invalid-argument`. `no-such-document` if the document does not exist.
   */
  setMember(documentId: string, userId: string, role: ShareRole): Promise<void>;
  /**
   * Adds a member with `role` unless they already have a role at least as strong (a link never
   * lowers a role). Resolves the role they hold afterwards.
   */
  joinAsMember(documentId: string, userId: string, role: ShareRole): Promise<Role>;
  /**
   * Removes a (non-owner) member; false if they were not one. The owner is refused with
   * `invalid-argument` (an owner cannot leave; delete the document instead).
   */
  removeMember(documentId: string, userId: string): Promise<boolean>;
  /**
   * Deletes a document with its log, members, links and tickets; false if it did not exist. Its
   * files' records stay, unreferenced (`listUnreferencedFiles`), until their bytes are removed. An
   * `UpdateLog.append` to the id afterwards is refused (`no-such-document`) until a document with
   * that id is created again, and then starts from nothing.
   */
  deleteDocument(documentId: string): Promise<boolean>;
  /**
   * Sets the title explicitly (rename): titles derived from the content (`AppendOptions.title`)
   * no longer replace it. Leaves `updatedAt` alone. `no-such-document` if missing.
   */
  renameDocument(documentId: string, title: string): Promise<void>;

  // --- share links -------------------------------------------------------------------------------
  /** `no-such-document` if the document does not exist. */
  createLink(link: NewShareLink): Promise<ShareLink>;
  /** The link, revoked or not (see `revokedAt`). */
  getLink(id: string): Promise<ShareLink | undefined>;
  /** Links of a document that still work, newest first. */
  listLinks(documentId: string): Promise<ShareLink[]>;
  /** Revokes a link of this document; false if it has no such working link. */
  revokeLink(documentId: string, id: string): Promise<boolean>;

  // --- tickets -----------------------------------------------------------------------------------
  /** `no-such-document` if the document does not exist. */
  createTicket(ticket: Ticket): Promise<void>;
  /**
   * Takes a ticket exactly once, across every instance: the first call with an unexpired ticket
   * resolves it and removes it; every later call (or an expired ticket) resolves undefined.
   */
  consumeTicket(digest: string, now: Date): Promise<Ticket | undefined>;
  /** Removes tickets expired at `now` (`expiresAt <= now`, as `consumeTicket` judges); resolves how many. */
  purgeExpiredTickets(now: Date): Promise<number>;

  // --- files (their records; the bytes are in the server's blob store) ---------------------------
  /**
   * Records an uploaded file of a document: `no-such-document` if the document does not exist
   * (deleted while the bytes were arriving), `conflict` for a taken id, `invalid-argument` for an
   * unknown uploader or an empty field.
   */
  addFile(file: NewStoredFile): Promise<StoredFile>;
  /** The file's record, referenced or not (see `documentId`), or undefined. */
  getFile(id: string): Promise<StoredFile | undefined>;
  /**
   * Up to `limit` files nothing refers to any more, oldest first: today those whose document was
   * deleted. (A trash or a version history would keep them referenced while they hold the document.)
   */
  listUnreferencedFiles(limit: number): Promise<StoredFile[]>;
  /** Removes an unreferenced file's record, once its bytes are gone; false if none (or it is referenced). */
  forgetUnreferencedFile(id: string): Promise<boolean>;

  // --- users -------------------------------------------------------------------------------------
  countUsers(): Promise<number>;
  /** Creates an account; `conflict` if the email is taken. */
  createUser(user: NewUser): Promise<User>;
  /**
   * Creates the first account, atomically only if no account exists yet, and makes it the owner of
   * every document that has no owner (documents written before accounts existed). Resolves undefined
   * if an account already exists.
   */
  createFirstUser(user: NewUser): Promise<User | undefined>;
  getUser(id: string): Promise<UserWithPassword | undefined>;
  /** By email, compared lower-cased and trimmed. */
  getUserByEmail(email: string): Promise<UserWithPassword | undefined>;
  /** Every account, oldest first. */
  listUsers(): Promise<User[]>;
  /** Changes what is given; `invalid-argument` if no account has this id. */
  updateUser(id: string, change: { readonly name?: string; readonly passwordHash?: string }): Promise<void>;

  // --- sessions ----------------------------------------------------------------------------------
  createSession(session: StoredSession): Promise<void>;
  /** The session if it exists and has not expired at `now` (`expiresAt > now`). */
  getSession(digest: string, now: Date): Promise<StoredSession | undefined>;
  /** Does nothing when the session is gone (signed out meanwhile). */
  extendSession(digest: string, expiresAt: Date): Promise<void>;
  deleteSession(digest: string): Promise<void>;
  /** Ends every session of a user but `exceptDigest` (password change, reset). */
  deleteUserSessions(userId: string, exceptDigest?: string): Promise<void>;
  /** Removes sessions expired at `now` (`expiresAt <= now`, as `getSession` judges); resolves how many. */
  purgeExpiredSessions(now: Date): Promise<number>;

  // --- API tokens --------------------------------------------------------------------------------
  createApiToken(token: NewApiToken): Promise<ApiTokenInfo>;
  /** The user's tokens, oldest first. */
  listApiTokens(userId: string): Promise<ApiTokenInfo[]>;
  /**
   * The token with this digest, recording `now` as its last use when the recorded one is
   * {@link LAST_USE_RESOLUTION_MS} old or more: a script reconnecting often must not cost a
   * durable write per connection.
   */
  useApiToken(digest: string, now: Date): Promise<ApiTokenInfo | undefined>;
  getApiToken(id: string): Promise<ApiTokenInfo | undefined>;
  /** Deletes a user's token; false if that user has no token with this id. */
  deleteApiToken(userId: string, id: string): Promise<boolean>;

  // --- settings (the one-time setup code) -------------------------------------------------------
  getSetting(key: string): Promise<string | undefined>;
  /** Stores `value` unless the key has one; resolves with whichever value is stored afterwards. */
  setSettingIfAbsent(key: string, value: string): Promise<string>;
  deleteSetting(key: string): Promise<void>;

  // --- security events (the administrator's audit list) -----------------------------------------
  /** Stores an event; `invalid-argument` without a type or with an invalid time. */
  recordSecurityEvent(event: NewSecurityEvent): Promise<void>;
  /** The newest `limit` events, newest first, with the acting account's name. */
  listSecurityEvents(limit: number): Promise<SecurityEvent[]>;
  /** Removes all but the newest `keep` events; resolves how many it removed. */
  purgeSecurityEvents(keep: number): Promise<number>;
}
