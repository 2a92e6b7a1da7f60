import { StorageError } from './storage-error';
import type { AppendOptions } from './update-log';
import { VERSION_KINDS, type NewVersion } from './version-history';

// Refusals and bookkeeping shared by every adapter's version history and append authorship, so
// that they refuse the same calls with the same messages and count authors alike.

/** Refuses authorship that does not line up with the updates it describes. */
export function checkAuthorship(id: string, updateCount: number, options: AppendOptions): void {
  const { authors, clients } = options;
  if (authors !== undefined && authors.length !== updateCount) {
    throw new StorageError(
      'invalid-argument',
      `${authors.length} authors for ${updateCount} updates of document "${id}": give one author (or undefined) per update`,
    );
  }
  for (const author of authors ?? []) {
    if (author !== undefined && (typeof author !== 'string' || author === '')) {
      throw new StorageError('invalid-argument', `An author of an update to document "${id}" is not a user id: ${JSON.stringify(author)}`);
    }
  }
  for (const client of clients ?? []) {
    if (!Number.isSafeInteger(client.clientId) || client.clientId < 0 || typeof client.userId !== 'string' || client.userId === '') {
      throw new StorageError(
        'invalid-argument',
        `Client ${JSON.stringify(client)} of document "${id}" is not a Yjs client id (a non-negative integer) with a user id`,
      );
    }
  }
}

/** Refuses a version that no adapter could store or that could not be read back. */
export function checkNewVersion(documentId: string, version: NewVersion): void {
  const problem = versionProblem(version);
  if (problem) throw new StorageError('invalid-argument', `Version of document "${documentId}": ${problem}`);
}

function versionProblem(version: NewVersion): string | undefined {
  if (typeof version.id !== 'string' || version.id === '' || version.id.length > 128) return 'id must be 1-128 characters';
  if (!Number.isSafeInteger(version.number) || version.number < 1) return `number ${version.number} is not a positive integer`;
  if (!VERSION_KINDS.includes(version.kind)) return `kind ${JSON.stringify(version.kind)} is not one of ${VERSION_KINDS.join(', ')}`;
  if (!Number.isSafeInteger(version.throughSeq) || version.throughSeq < 0) return `throughSeq ${version.throughSeq} is not a seq`;
  if (!(version.data instanceof Uint8Array) || version.data.byteLength === 0) return 'data is empty or not a Uint8Array';
  if (!(version.state instanceof Uint8Array) || version.state.byteLength === 0) return 'state is empty or not a Uint8Array';
  if (version.authors?.some((author) => typeof author !== 'string' || author === '')) return 'authors must be user ids';
  if (version.restoredFrom != null && (typeof version.restoredFrom !== 'string' || version.restoredFrom === '')) return 'restoredFrom must be a version id';
  if (version.restoredFrom != null && version.kind !== 'restore') return `restoredFrom is for a restore version, not ${version.kind}`;
  return undefined;
}

/** The refusal for a version number that is not the head's plus one. */
export function versionConflict(documentId: string, number: number, head: number): StorageError {
  return new StorageError(
    'conflict',
    `Version ${number} of document "${documentId}" cannot follow version ${head}: another version was made meanwhile; compute it again from the new head`,
  );
}

/** The first and last seq each user's updates got in one append, from the seqs of its rows. */
export function authorSpans(authors: readonly (string | undefined)[] | undefined, seqs: readonly number[]): Map<string, { first: number; last: number }> {
  const spans = new Map<string, { first: number; last: number }>();
  authors?.forEach((author, index) => {
    if (author === undefined) return;
    const seq = seqs[index];
    const span = spans.get(author);
    if (span) span.last = Math.max(span.last, seq);
    else spans.set(author, { first: seq, last: seq });
  });
  return spans;
}
