import { conflict, noSuchUser } from '../directory-checks';
import { StorageError } from '../storage-error';

/** What each unique column (as SQLite names it in "UNIQUE constraint failed: …") identifies. */
const UNIQUE_COLUMNS: Readonly<Record<string, string>> = {
  'users.id': 'An account with this id',
  'users.email': 'An account with this email',
  'sessions.digest': 'A session with this digest',
  'api_tokens.id': 'An API token with this id',
  'api_tokens.digest': 'An API token with this digest',
  'tickets.digest': 'A ticket with this digest',
  'share_links.id': 'A share link with this id',
  'files.id': 'A file with this id',
  // The partial index document_members_one_owner.
  'document_members.document_id': 'An owner of this document',
};

/**
 * Runs `work`, turning SQLite's constraint failures into the refusals the Directory promises:
 * a taken key is a `conflict`; a failed foreign key is an unknown user, because every call that
 * names a document checks that it exists first, inside the same transaction; a failed CHECK (a role
 * or grant kind that does not exist) is an `invalid-argument`. Anything else rejects unchanged.
 */
export function refusingConstraints<T>(action: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const column = String(message).replace(/^UNIQUE constraint failed: /, '');
      const what = UNIQUE_COLUMNS[column];
      if (what) throw conflict(what);
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw noSuchUser(action);
    if (code === 'SQLITE_CONSTRAINT_CHECK') {
      throw new StorageError('invalid-argument', `Cannot ${action}: ${String(message)}`, { cause: error });
    }
    throw error;
  }
}
