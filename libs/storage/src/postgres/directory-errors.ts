import { conflict, noSuchUser } from '../directory-checks';
import { noSuchDocument } from '../checks';
import { StorageError } from '../storage-error';

// Names from the version 2 and 6 migrations (and PostgreSQL's defaults for primary keys).

/** What each unique constraint or index identifies. */
const UNIQUE_CONSTRAINTS: Readonly<Record<string, string>> = {
  users_pkey: 'An account with this id',
  users_email_key: 'An account with this email',
  sessions_pkey: 'A session with this digest',
  api_tokens_pkey: 'An API token with this id',
  api_tokens_digest_key: 'An API token with this digest',
  tickets_pkey: 'A ticket with this digest',
  share_links_pkey: 'A share link with this id',
  files_pkey: 'A file with this id',
  document_members_one_owner: 'An owner of this document',
};

/** Foreign keys to `documents`; every other foreign key points at `users`. */
const DOCUMENT_FOREIGN_KEYS = new Set([
  'tickets_document_id_fkey',
  'document_members_document_id_fkey',
  'share_links_document_id_fkey',
  'files_document_id_fkey',
]);

/**
 * Runs `work`, turning constraint violations into the refusals the Directory promises: a taken
 * key is a `conflict`, a missing document `no-such-document` (checked by the foreign key in the
 * same statement, so a concurrent delete cannot slip between a check and the write), a missing
 * user `invalid-argument`, as is a failed CHECK (a role that does not exist). Anything else rejects
 * unchanged.
 */
export async function refusingConstraints<T>(
  action: string,
  documentId: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translate(error, action, documentId);
  }
}

function translate(error: unknown, action: string, documentId: string | undefined): unknown {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (typeof constraint !== 'string') return error;
  if (code === '23505' && UNIQUE_CONSTRAINTS[constraint]) return conflict(UNIQUE_CONSTRAINTS[constraint]);
  if (code === '23503') {
    return DOCUMENT_FOREIGN_KEYS.has(constraint) && documentId !== undefined
      ? noSuchDocument(documentId, action)
      : noSuchUser(action);
  }
  if (code === '23514') {
    const message = `Cannot ${action}: a value breaks ${constraint}`;
    return new StorageError('invalid-argument', message, { cause: error });
  }
  return error;
}
