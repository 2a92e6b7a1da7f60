export type { Storage } from './storage';
export type { AppendOptions, StoredDocument, UpdateLog } from './update-log';
export type { CommitObserver, CommitTiming } from './commit-timing';
export {
  VERSION_KINDS,
  type ClientAuthor,
  type NewVersion,
  type VersionAuthor,
  type VersionChain,
  type VersionFold,
  type VersionHead,
  type VersionHistory,
  type VersionInfo,
  type VersionKind,
} from './version-history';
export { LAST_USE_RESOLUTION_MS, type Directory } from './directory';
export type { DocumentOrganizing, RecentDocument, StarredDocument, TrashedDocument } from './organizing';
export type { PageKey, PageRequest } from './page';
export type { SearchEntry, SearchHit, SearchIndex, SearchOptions, SnippetRange } from './search-index';
export {
  ACTIVITY_KINDS,
  type ActivityKind,
  type CommentEdit,
  type CommentPerson,
  type CommentStore,
  type NewActivity,
  type NewComment,
  type NewThread,
  type StoredActivity,
  type StoredComment,
  type StoredThread,
} from './comment-store';
export type {
  ApiTokenInfo,
  DocumentInfo,
  GrantKind,
  Member,
  ListedDocument,
  MemberDocument,
  NewApiToken,
  NewShareLink,
  NewUser,
  ShareLink,
  StoredSession,
  Ticket,
  User,
  UserWithPassword,
} from './directory-records';
export type { NewSecurityEvent, SecurityEvent } from './security-events';
export type { NewStoredFile, StoredFile } from './files';
export {
  WEBHOOK_EVENTS,
  type ClaimedDelivery,
  type ClaimOptions,
  type DeliveryOutcome,
  type DeliveryStatus,
  type NewDelivery,
  type NewWebhook,
  type StoredDelivery,
  type StoredWebhook,
  type WebhookEventName,
  type WebhookStore,
} from './webhook-store';
export type { FolderMember, FolderStore, NewFolder, StoredFolder, VisibleFolder } from './folder-store';
export { INVITATION_LIFETIME_MS, type DeletedAccount, type InvitationDetails, type NewInvitation, type PeopleStore, type ResetRequest, type StoredInvitation } from './people-store';
export { StorageError, type StorageErrorCode } from './storage-error';
export { SqliteStorage, type SqliteLogWriter, type SqliteStorageOptions } from './sqlite/sqlite-storage';
export type { SqliteSynchronous } from './sqlite/connect';
export { PostgresStorage, type PostgresStorageOptions } from './postgres/postgres-storage';
