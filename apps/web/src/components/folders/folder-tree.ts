import type { FolderView } from '@quire/api-contract';

/** A folder with the folders in it, as the caller's tree shows it. */
export interface FolderNode {
  readonly folder: FolderView;
  readonly children: FolderNode[];
  readonly depth: number;
}

/**
 * The caller's folders as a tree: a folder whose parent is not listed (a folder shared with them
 * inside someone else's) is a top of it. Names in their listed order (by name).
 */
export function buildFolderTree(folders: readonly FolderView[]): FolderNode[] {
  const listed = new Set(folders.map((folder) => folder.id));
  const childrenOf = new Map<string | null, FolderView[]>();
  for (const folder of folders) {
    const parent = folder.parentId !== null && listed.has(folder.parentId) ? folder.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), folder]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): FolderNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((folder) => !seen.has(folder.id) && seen.add(folder.id))
      .map((folder) => ({ folder, depth, children: build(folder.id, depth + 1) }));
  return build(null, 0);
}

/** The tree in reading order, each with its depth: for a list of places to move something to. */
export function flattenTree(nodes: readonly FolderNode[]): FolderNode[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The folder and every folder under it: where a folder cannot be moved. */
export function subtreeIds(folders: readonly FolderView[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const folder of folders) {
      if (folder.parentId !== null && ids.has(folder.parentId) && !ids.has(folder.id)) {
        ids.add(folder.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** The folders from the top of the caller's tree down to `id`. */
export function pathTo(folders: readonly FolderView[], id: string): FolderView[] {
  const byId = new Map(folders.map((folder) => [folder.id, folder]));
  const path: FolderView[] = [];
  for (let folder = byId.get(id); folder && !path.includes(folder); folder = folder.parentId === null ? undefined : byId.get(folder.parentId)) path.unshift(folder);
  return path;
}

/** The address of a folder's view on the home page (breadcrumbs in the editor link here). */
export const folderHref = (id: string) => `/?folder=${encodeURIComponent(id)}`;

/** What a drag carries: a document or a folder, by id, in its own data type. */
export const DRAG_TYPES = { document: 'application/x-quire-document', folder: 'application/x-quire-folder' } as const;
