import type { PersonRef, VersionComparison } from '@quire/api-contract';
import type { Directory, VersionInfo } from '@quire/storage';
import { CURRENT, type ComparedSide, type VersionContents } from './version-contents';
import { FORMER_MEMBER } from './version-view';

/** What {@link compareVersions} compares. */
export interface ComparisonInput {
  readonly documentId: string;
  /** The two sides, in any order. */
  readonly sides: readonly [ComparedSide, ComparedSide];
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
  const between = input.versions.filter((version) => version.number > rank(older) && version.number <= rank(newer));
  const editors = [...new Set(between.flatMap((version) => version.authors.map((author) => author.id)))];
  const { doc, changes } = await input.contents.compare(input.documentId, older, newer, editors);
  const named = new Map<string, string | null>();
  for (const version of input.versions) for (const author of version.authors) named.set(author.id, author.name);
  const ids = [...new Set(changes.flatMap((change) => change.authorIds))];
  const authors: PersonRef[] = await Promise.all(
    ids.map(async (id) => ({ id, name: (named.has(id) ? named.get(id) : (await input.directory.getUser(id))?.name) ?? FORMER_MEMBER })),
  );
  return {
    from: idOf(older),
    to: idOf(newer),
    doc: doc as VersionComparison['doc'],
    changes: changes as VersionComparison['changes'],
    authors,
  };
}

function rank(side: ComparedSide): number {
  return side === CURRENT ? Number.POSITIVE_INFINITY : side.number;
}

function idOf(side: ComparedSide): string {
  return side === CURRENT ? CURRENT : side.id;
}
