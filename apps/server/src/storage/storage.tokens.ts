/** Injection token of the opened `Storage` that `DATABASE_URL` names; StorageModule closes it. */
export const STORAGE = Symbol('STORAGE');

/** Injection token of the storage's update log: all the collaboration hub needs. */
export const UPDATE_LOG = Symbol('UPDATE_LOG');

/** Injection token of the storage's directory: documents, members, links, accounts, sessions, tokens, tickets. */
export const DIRECTORY = Symbol('DIRECTORY');

/** Injection token of the storage's version history: each document's versions, for the hub and the API. */
export const VERSION_HISTORY = Symbol('VERSION_HISTORY');

/** Injection token of the storage's comment store: threads, comments and activity, for the API. */
export const COMMENT_STORE = Symbol('COMMENT_STORE');

/** Injection token of the storage's full-text search index (libs/storage README, "Search"). */
export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

/** Injection token of the storage's webhooks and their deliveries. */
export const WEBHOOK_STORE = Symbol('WEBHOOK_STORE');

/** Injection token of the storage's folders (libs/storage README, "Folders"). */
export const FOLDER_STORE = Symbol('FOLDER_STORE');

/** Injection token of the storage's people: invitations, disabled accounts, reset requests (libs/storage README, "People"). */
export const PEOPLE_STORE = Symbol('PEOPLE_STORE');
