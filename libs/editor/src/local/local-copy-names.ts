/** Every IndexedDB database Quire keeps starts with this. */
export const LOCAL_COPY_PREFIX = 'quire-doc';

/**
 * The IndexedDB database that keeps `documentId` for `userId` on this device. The user id is part
 * of the name, so another account signing in on the same browser never opens it, and signing out
 * deletes exactly this account's copies.
 */
export function localCopyName(userId: string, documentId: string): string {
  return `${LOCAL_COPY_PREFIX}:${userId}:${documentId}`;
}

/** Where an undecodable local copy is kept, apart, never merged (it can still be exported). */
export function setAsideName(userId: string, documentId: string, at: number): string {
  return `${LOCAL_COPY_PREFIX}-set-aside:${userId}:${documentId}:${at}`;
}

/** Whether `name` is one of `userId`'s databases, kept or set aside. */
export function belongsTo(name: string, userId: string): boolean {
  return name.startsWith(`${LOCAL_COPY_PREFIX}:${userId}:`) || name.startsWith(`${LOCAL_COPY_PREFIX}-set-aside:${userId}:`);
}

/** The document id of one of `userId`'s kept copies, or undefined. */
export function documentOf(name: string, userId: string): string | undefined {
  const prefix = `${LOCAL_COPY_PREFIX}:${userId}:`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : undefined;
}
