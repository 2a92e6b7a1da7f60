import { schema } from '@quire/editor-schema';
import { alongChain, contentOf, diffDocuments, plainText, rebuildVersion, type VersionContent } from '@quire/history';
import type { VersionHistory, VersionInfo } from '@quire/storage';
import { BENCH_USER_ID } from './stores';

/** Timings of diffs between neighbouring versions, in milliseconds. */
export interface DiffTimings {
  /** From the store: the newer version's chain read and rebuilt once, both documents built on the way, then the diff. */
  readonly cold: number[];
  /** The two documents already built (the server caches versions it has opened): the diff alone. */
  readonly warm: number[];
  /** Changes found per diff. */
  readonly changes: number[];
}

/** A version's content, as the server's versions API builds it. */
export async function openVersion(history: VersionHistory, documentId: string, version: VersionInfo): Promise<VersionContent> {
  const chain = await history.chain(documentId, version.id);
  if (!chain) throw new Error(`Version ${version.id} of ${documentId} cannot be opened`);
  const doc = rebuildVersion(chain.updates);
  try {
    return contentOf(doc, schema);
  } finally {
    doc.destroy();
  }
}

/** Two neighbouring versions' contents, as the server's versions API builds them: one rebuild of the newer one's chain. */
async function openPair(history: VersionHistory, documentId: string, older: VersionInfo, newer: VersionInfo): Promise<VersionContent[]> {
  const chain = await history.chain(documentId, newer.id);
  if (!chain) throw new Error(`Version ${newer.id} of ${documentId} cannot be opened`);
  const olderAt = chain.updates.length - (newer.number - older.number);
  if (olderAt < 1) return Promise.all([openVersion(history, documentId, older), openVersion(history, documentId, newer)]);
  return alongChain(chain.updates, [olderAt, chain.updates.length], (doc) => contentOf(doc, schema));
}

/**
 * Diffs `pairs` pairs of neighbouring versions, spread over the history, `rounds` times each: what
 * `GET …/versions/:id?compare=<previous>` computes.
 */
export async function timeDiffs(history: VersionHistory, documentId: string, versions: readonly VersionInfo[], pairs: number, rounds: number): Promise<DiffTimings> {
  const timings: DiffTimings = { cold: [], warm: [], changes: [] };
  const authorOf = () => BENCH_USER_ID;
  const step = Math.max(1, Math.floor((versions.length - 1) / pairs));
  for (let index = 1; index < versions.length; index += step) {
    const [older, newer] = [versions[index - 1], versions[index]];
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const [before, after] = await openPair(history, documentId, older, newer);
      const changes = diffDocuments(before.doc, after.doc, { origins: after.origins, authorOf, editors: [BENCH_USER_ID] });
      timings.cold.push(performance.now() - started);
      const warmStarted = performance.now();
      diffDocuments(before.doc, after.doc, { origins: after.origins, authorOf, editors: [BENCH_USER_ID] });
      timings.warm.push(performance.now() - warmStarted);
      if (round === 0) timings.changes.push(changes.length);
    }
  }
  return timings;
}

/** The newest version's text, which must be the replay's: a wrong history fails the benchmark. */
export async function checkNewest(history: VersionHistory, documentId: string, newest: VersionInfo, expectedLines: string): Promise<void> {
  const text = plainText((await openVersion(history, documentId, newest)).doc);
  if (text !== expectedLines) {
    throw new Error(`VERSION MISMATCH: the newest version holds ${text.length} characters of text, the replay ${expectedLines.length}`);
  }
}
