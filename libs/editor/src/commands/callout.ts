import { isCalloutKind, schema, type CalloutKind } from '@quire/editor-schema';
import { lift, wrapIn } from 'prosemirror-commands';
import type { Command, EditorState } from 'prosemirror-state';
import { findAncestor } from './blocks';

/** Wraps the selected blocks in a callout of `kind`; inside a callout of that kind, lifts them out; of another kind, changes its kind. */
export function toggleCallout(kind: CalloutKind = 'info'): Command {
  return (state, dispatch, view) => {
    if (!isCalloutKind(kind)) return false;
    const found = findAncestor(state, [schema.nodes.callout]);
    if (!found) return wrapIn(schema.nodes.callout, { kind })(state, dispatch, view);
    const { $from } = state.selection;
    if ($from.node(found.depth).attrs['kind'] === kind) return lift(state, dispatch, view);
    if (dispatch) dispatch(state.tr.setNodeAttribute($from.before(found.depth), 'kind', kind));
    return true;
  };
}

/** The kind of the callout the selection is in, or null. */
export function activeCalloutKind(state: EditorState): CalloutKind | null {
  const found = findAncestor(state, [schema.nodes.callout]);
  const kind = found ? (state.selection.$from.node(found.depth).attrs['kind'] as unknown) : null;
  return isCalloutKind(kind) ? kind : found ? 'info' : null;
}
