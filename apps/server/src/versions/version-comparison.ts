import type { PersonRef, VersionComparison } from '@quire/api-contract';
import { diffDocuments } from '@quire/history';
import type { Directory, VersionInfo } from '@quire/storage';
import type { VersionContents } from './version-contents';
import { FORMER_MEMBER } from './version-view';

/** The document as stored now, as a side of a comparison. */
export const CURRENT = 'current';

/** What {@link compareVersions} compares. */
export interface ComparisonInput {
  readonly documentId: string;
  /** The two sides, in any order. */
  readonly sides: readonly [VersionInfo | typeof CURRENT, VersionInfo | typeof CURRENT];
  /** Every version of the document, for who edited between the two sides. */
  readonly versions: readonly VersionInfo[];
  readonly contents: VersionContents;
  readonly directory: Directory;
}

/**
 * The changes from the older side to the newer one (the current document is the newest), on the
 * newer one's content: insertions by the user whose Yjs client wrote them, deletions by everyone
 * who edited in between (the authors of the versions after the older side, up to the newer).
 */
export async function compareVersions(input: ComparisonInput): Promise<VersionComparison> {
  const [older, newer] = [...input.sides].sort((a, b) => rank(a) - rank(b));
  const [before, after] =
    older !== CURRENT && newer !== CURRENT
      ? await input.contents.ofPair(input.documentId, older, newer)
      : await Promise.all([contentOf(input, older), contentOf(input, newer)]);
  const between = input.versions.filter((version) => version.number > rank(older) && version.number <= rank(newer));
  const editors = [...new Set(between.flatMap((version) => version.authors.map((author) => author.id)))];
  const changes = diffDocuments(before.doc, after.doc, { origins: after.origins, authorOf: await input.contents.authorOf(input.documentId), editors });
  const named = new Map<string, string | null>();
  for (const version of input.versions) for (const author of version.authors) named.set(author.id, author.name);
  const ids = [...new Set(changes.flatMap((change) => change.authorIds))];
  const authors: PersonRef[] = await Promise.all(
    ids.map(async (id) => ({ id, name: (named.has(id) ? named.get(id) : (await input.directory.getUser(id))?.name) ?? FORMER_MEMBER })),
  );
  return {
    from: idOf(older),
    to: idOf(newer),
    doc: after.doc.toJSON() as VersionComparison['doc'],
    changes: changes as VersionComparison['changes'],
    authors,
  };
}

function rank(side: VersionInfo | typeof CURRENT): number {
  return side === CURRENT ? Number.POSITIVE_INFINITY : side.number;
}

function idOf(side: VersionInfo | typeof CURRENT): string {
  return side === CURRENT ? CURRENT : side.id;
}

function contentOf(input: ComparisonInput, side: VersionInfo | typeof CURRENT) {
  return side === CURRENT ? input.contents.current(input.documentId) : input.contents.ofVersion(input.documentId, side);
}
