import type { FolderView } from '@quire/api-contract';
import { describe, expect, it } from 'vitest';
import { buildFolderTree, flattenTree, pathTo, subtreeIds } from './folder-tree';

const folder = (id: string, parentId: string | null, role: FolderView['role'] = 'owner'): FolderView => ({
  id,
  name: id.toUpperCase(),
  parentId,
  owner: { id: 'ada', name: 'Ada' },
  role,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('folder tree', () => {
  const folders = [folder('a', null), folder('b', 'a'), folder('c', 'b'), folder('d', null), folder('shared', 'not-listed', 'viewer')];

  it('nests folders under their parents, a folder whose parent is not listed at the top', () => {
    const tree = buildFolderTree(folders);
    expect(tree.map((node) => node.folder.id)).toEqual(['a', 'd', 'shared']);
    expect(flattenTree(tree).map((node) => [node.folder.id, node.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 0],
      ['shared', 0],
    ]);
  });

  it('finds a folder’s subtree and its path from the top', () => {
    expect([...subtreeIds(folders, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect([...subtreeIds(folders, 'c')]).toEqual(['c']);
    expect(pathTo(folders, 'c').map((found) => found.id)).toEqual(['a', 'b', 'c']);
    expect(pathTo(folders, 'shared').map((found) => found.id)).toEqual(['shared']);
    expect(pathTo(folders, 'missing')).toEqual([]);
  });

  it('never loops on a cycle it is given', () => {
    const cyclic = [folder('x', 'y'), folder('y', 'x')];
    expect(flattenTree(buildFolderTree(cyclic))).toEqual([]);
    expect(pathTo(cyclic, 'x').map((found) => found.id)).toEqual(['y', 'x']);
  });
});
