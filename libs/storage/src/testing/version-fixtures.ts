import * as Y from 'yjs';
import type { NewVersion, VersionKind } from '../version-history';
import type { EditedDoc } from './helpers';

let made = 0;

/**
 * Versions of an {@link EditedDoc} as it stands, numbered from 1: the first (or any asked for) a
 * keyframe, the others the change since the previous one, as the hub makes them.
 */
export class VersionMaker {
  private number = 0;
  private previous: Uint8Array | undefined;

  constructor(private readonly edited: EditedDoc) {}

  /** The next version of the document as it stands now; `throughSeq` is the log seq it covers. */
  next(throughSeq: number, options: { kind?: VersionKind; name?: string; keyframe?: boolean; authors?: string[]; number?: number } = {}): NewVersion {
    const keyframe = options.keyframe ?? this.previous === undefined;
    const data = keyframe ? Y.encodeStateAsUpdate(this.edited.doc) : Y.encodeStateAsUpdate(this.edited.doc, this.previous);
    this.previous = Y.encodeStateVector(this.edited.doc);
    this.number = options.number ?? this.number + 1;
    return {
      id: `version-${++made}-${process.pid}`,
      number: this.number,
      kind: options.kind ?? 'auto',
      name: options.name ?? null,
      throughSeq,
      keyframe,
      data,
      state: Y.encodeSnapshot(Y.snapshot(this.edited.doc)),
      ...(options.authors ? { authors: options.authors } : {}),
    };
  }
}
