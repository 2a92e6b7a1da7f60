import type { Version } from '@quire/api-contract';
import type { VersionInfo } from '@quire/storage';

/** Shown for an author whose account is gone: a version keeps their id. */
export const FORMER_MEMBER = 'Former member';

/** A version as the HTTP API shows it. */
export function toVersionView(version: VersionInfo): Version {
  return {
    id: version.id,
    name: version.name,
    kind: version.kind,
    createdAt: version.createdAt.toISOString(),
    authors: version.authors.map((author) => ({ id: author.id, name: author.name ?? FORMER_MEMBER })),
    restoredFrom: version.restoredFrom,
  };
}
