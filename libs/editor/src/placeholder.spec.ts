import { describe, expect, it } from 'vitest';
import type { DecorationSet } from 'prosemirror-view';
import { placeholderPlugin } from './placeholder';
import { createState, doc, p } from './testing/editor-test-kit';
import { EditorState } from 'prosemirror-state';

const decorations = (state: EditorState) => {
  const plugin = placeholderPlugin('Start writing…');
  const withPlugin = EditorState.create({ doc: state.doc, plugins: [plugin] });
  return plugin.props.decorations?.call(plugin, withPlugin) as DecorationSet | null;
};

describe('placeholderPlugin', () => {
  it('marks the only, empty paragraph', () => {
    const set = decorations(createState(doc(p())));
    expect(set?.find()).toHaveLength(1);
  });

  it('shows nothing once there is text or a second block', () => {
    expect(decorations(createState(doc(p('x'))))).toBeNull();
    expect(decorations(createState(doc(p(), p())))).toBeNull();
  });
});
