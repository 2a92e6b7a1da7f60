export type {
  AccountStore,
  ApiTokenInfo,
  DocumentStoreWithAccounts,
  GrantKind,
  LinkRole,
  Member,
  MemberDocument,
  NewApiToken,
  NewShareLink,
  NewUser,
  Role,
  ShareLink,
  StoredSession,
  Ticket,
  User,
  UserWithPassword,
} from './account-store';
export { LAST_USE_RESOLUTION_MS } from './account-store';
export type { NewSecurityEvent, SecurityEvent } from './security-events';
export type { AppendOptions, DocumentInfo, DocumentStore, StoredDocument } from './document-store';
export { DocumentStoreError, type DocumentStoreErrorCode } from './document-store-error';
export { MemoryDocumentStore } from './memory/memory-document-store';
export { SqliteDocumentStore, type SqliteDocumentStoreOptions } from './sqlite/sqlite-document-store';
export { SqliteAccountStore } from './sqlite/sqlite-account-store';
export type { SqliteSynchronous } from './sqlite/connect';
export { PostgresDocumentStore, type PostgresDocumentStoreOptions } from './postgres/postgres-document-store';
export { PostgresAccountStore } from './postgres/postgres-account-store';
