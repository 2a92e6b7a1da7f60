/** Why a storage call was refused; stable strings, so callers can map them (409, 404, …). */
export type StorageErrorCode =
  | 'not-open'
  | 'closed'
  | 'document-exists'
  | 'no-such-document'
  | 'invalid-argument'
  | 'open-failed'
  | 'schema-too-new'
  /** A row with this key exists already (an email, a user id, a digest); the call changed nothing. */
  | 'conflict';

/**
 * Thrown (as a rejection) by the update log and the directory of every adapter when a call is
 * refused for a reason the caller can act on. Driver failures (disk full, I/O error) are not
 * wrapped: they reject with the driver's own error.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
