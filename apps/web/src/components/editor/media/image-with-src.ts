import type { Node } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';

/** The first image with this source, and where it is (found again: collaborators move things). */
export function imageWithSrc(state: EditorState, src: string): { node: Node; pos: number } | null {
  let found: { node: Node; pos: number } | null = null;
  state.doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === 'image' && node.attrs['src'] === src) found = { node, pos };
    return !node.isLeaf;
  });
  return found;
}
