import { ROLE_RANK, type ShareRole } from '@quire/api-contract';
import type { FolderStore, Member, StoredFolder } from '@quire/storage';

/** Someone who reaches a document through a folder above it, with the folder their role comes from. */
export interface InheritedMember {
  readonly user: { readonly id: string; readonly name: string; readonly email: string };
  readonly role: ShareRole;
  /** Where the role comes from; `null` when the caller may not see that folder (its name is the owner's to share). */
  readonly folder: { readonly id: string; readonly name: string } | null;
}

/**
 * The people a document is shared with through the folders above it (docs/api.md, "Folders"):
 * each person once, with the highest role any of those folders gives them, from the nearest folder
 * that gives it. Someone whose own membership of the document is at least as strong is left out
 * (the document's members list them already), as is the owner. Folders the caller may not see
 * (someone a middle folder is shared with does not see the owner's folders above it) are not named.
 */
export async function inheritedMembers(folders: FolderStore, documentId: string, callerId: string, direct: readonly Member[]): Promise<InheritedMember[]> {
  const path = await folders.folderPath(documentId);
  if (path.length === 0) return [];
  // Nearest folder first: on equal roles, the nearest one is said to give it.
  const nearestFirst = [...path].reverse();
  const memberships = await Promise.all(nearestFirst.map((folder) => folders.listFolderMembers(folder.id)));
  const best = new Map<string, { member: (typeof memberships)[number][number]; folder: StoredFolder }>();
  nearestFirst.forEach((folder, index) => {
    for (const member of memberships[index]) {
      const held = best.get(member.userId);
      if (!held || ROLE_RANK[member.role] > ROLE_RANK[held.member.role]) best.set(member.userId, { member, folder });
    }
  });
  const directRank = new Map(direct.map((member) => [member.user.id, ROLE_RANK[member.role]]));
  const shown = [...best.values()].filter(({ member }) => (directRank.get(member.userId) ?? 0) < ROLE_RANK[member.role]);
  const visible = new Map<string, boolean>();
  for (const { folder } of shown) {
    if (!visible.has(folder.id)) visible.set(folder.id, (await folders.folderRole(folder.id, callerId)) !== undefined);
  }
  return shown
    .map(({ member, folder }) => ({
      user: { id: member.userId, name: member.name, email: member.email },
      role: member.role,
      folder: visible.get(folder.id) ? { id: folder.id, name: folder.name } : null,
    }))
    .sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role] || a.user.name.localeCompare(b.user.name));
}
