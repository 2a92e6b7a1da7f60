import { StorageError } from './storage-error';
import type { VersionFold, VersionKind } from './version-history';

/** What a fold reads of each version of the document, oldest first. */
export interface FoldRow {
  readonly id: string;
  readonly number: number;
  readonly kind: VersionKind;
  readonly keyframe: boolean;
  readonly byteLength: number;
}

/** What to write: the successor's new data, and every version's chain bytes from the successor on. */
export interface FoldPlan {
  readonly successorId: string;
  /** Chain bytes (data from its keyframe through it) of the successor and each version after it. */
  readonly chainBytes: ReadonlyMap<string, number>;
}

/**
 * Checks a fold against the document's versions as they are in the fold's transaction, and plans
 * it; `undefined` when the version is not there (already folded away by another instance). Refuses
 * (`invalid-argument`) the newest version, whose state the next version is computed from, and any
 * version that is not automatic; `conflict` when the neighbours the fold was computed from are not
 * its neighbours now (another fold came first): the caller computes again.
 */
export function planFold(documentId: string, rows: readonly FoldRow[], fold: VersionFold): FoldPlan | undefined {
  checkFold(documentId, fold);
  const index = rows.findIndex((row) => row.id === fold.versionId);
  if (index < 0) return undefined;
  const version = rows[index] as FoldRow;
  if (version.kind !== 'auto') throw new StorageError('invalid-argument', `Version ${fold.versionId} of document "${documentId}" is ${version.kind}: only automatic versions are thinned`);
  const next = rows[index + 1];
  if (!next) throw new StorageError('invalid-argument', `Version ${fold.versionId} of document "${documentId}" is the newest: it is never thinned`);
  const previous = rows[index - 1];
  if ((previous?.id ?? null) !== fold.previousId || next.id !== fold.nextId) {
    throw new StorageError('conflict', `The versions around ${fold.versionId} of document "${documentId}" changed meanwhile; compute the fold again`);
  }
  if (!previous && !fold.keyframe) throw new StorageError('invalid-argument', `Folding the first version of document "${documentId}" needs a keyframe after it`);

  const chainBytes = new Map<string, number>();
  let running = 0;
  for (const row of rows.slice(0, index)) running = row.keyframe ? row.byteLength : running + row.byteLength;
  for (const row of rows.slice(index + 1)) {
    const [keyframe, byteLength] = row.id === next.id ? [fold.keyframe, fold.data.byteLength] : [row.keyframe, row.byteLength];
    running = keyframe ? byteLength : running + byteLength;
    chainBytes.set(row.id, running);
  }
  return { successorId: next.id, chainBytes };
}

function checkFold(documentId: string, fold: VersionFold): void {
  const problem =
    typeof fold.versionId !== 'string' || fold.versionId === ''
      ? 'versionId must be a version id'
      : typeof fold.nextId !== 'string' || fold.nextId === '' || fold.nextId === fold.versionId
        ? 'nextId must be the id of the version after it'
        : !(fold.data instanceof Uint8Array) || fold.data.byteLength === 0
          ? 'data is empty or not a Uint8Array'
          : undefined;
  if (problem) throw new StorageError('invalid-argument', `Folding a version of document "${documentId}": ${problem}`);
}
