// @vitest-environment happy-dom
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { schema } from '@quire/editor-schema';
import { fromBase64 } from 'lib0/buffer';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPeers, type Peer, type PeerNetwork } from '../testing/collab-peers';
import { doc, p } from '../testing/editor-test-kit';
import { commentAnchors, threadsAt } from './comment-anchors';
import { commentOnlyPlugin } from './comment-only-plugin';
import { ACTIVE_COMMENT_CLASS, activeThread, commentsKey, commentsPlugin, setActiveThread } from './comment-plugin';
import { selectedQuote, selectionAnchor } from './selection-anchor';

const commented = (text: string, ...threadIds: string[]) => schema.text(text, threadIds.map((threadId) => schema.marks.comment.create({ threadId })));

describe('commentAnchors', () => {
  it('lists each thread once, in the order of its first character, from its first to its last character', () => {
    const document = doc(p('A ', commented('first', 't2'), ' and ', commented('second', 't1')), p(commented('more', 't2')));
    const anchors = commentAnchors(document);
    expect(anchors.map((anchor) => anchor.threadId)).toEqual(['t2', 't1']);
    const [t2, t1] = anchors;
    expect(document.textBetween(t1?.from ?? 0, t1?.to ?? 0)).toBe('second');
    expect(document.textBetween(t2?.from ?? 0, t2?.to ?? 0, '|')).toBe('first and second|more');
  });

  it('finds no thread in text without comments', () => {
    expect(commentAnchors(doc(p('plain')))).toEqual([]);
  });

  it('answers the threads at a position, the one with the least text first', () => {
    const document = doc(p(commented('wide ', 'outer'), commented('core', 'outer', 'inner'), commented(' end', 'outer')));
    expect(threadsAt(document, 8)).toEqual(['inner', 'outer']);
    expect(threadsAt(document, 2)).toEqual(['outer']);
  });
});

describe('commentsPlugin', () => {
  const start = (onOpenThread?: (id: string) => void) =>
    EditorState.create({ doc: doc(p('Hello ', commented('brave', 'a'), ' new ', commented('world', 'b'))), plugins: [commentsPlugin(onOpenThread ? { onOpenThread } : {})] });

  it('decorates only the active thread’s text, and follows its text through edits', () => {
    let state = start();
    expect(commentsKey.getState(state)?.decorations.find()).toEqual([]);
    state = state.apply(setActiveThread('b')(state));
    expect(activeThread(state)).toBe('b');
    const [decoration] = commentsKey.getState(state)?.decorations.find() ?? [];
    expect(state.doc.textBetween(decoration?.from ?? 0, decoration?.to ?? 0)).toBe('world');
    expect((decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs['class']).toBe(ACTIVE_COMMENT_CLASS);
    state = state.apply(state.tr.insertText('Oh, ', 1));
    const [moved] = commentsKey.getState(state)?.decorations.find() ?? [];
    expect(state.doc.textBetween(moved?.from ?? 0, moved?.to ?? 0)).toBe('world');
    state = state.apply(setActiveThread(null)(state));
    expect(commentsKey.getState(state)?.decorations.find()).toEqual([]);
  });

  it('keeps the active thread out of the undo history', () => {
    const state = start();
    expect(setActiveThread('a')(state).getMeta('addToHistory')).toBe(false);
  });

  it('opens the thread of clicked commented text, and lets the click place the caret', () => {
    const onOpenThread = vi.fn();
    const state = start(onOpenThread);
    const plugin = state.plugins[0];
    const click = (pos: number) => plugin?.props.handleClick?.call(plugin, { state } as EditorView, pos, new MouseEvent('click'));
    expect(click(9)).toBe(false);
    expect(onOpenThread).toHaveBeenCalledWith('a');
    onOpenThread.mockClear();
    click(2);
    expect(onOpenThread).not.toHaveBeenCalled();
  });
});

describe('selectionAnchor', () => {
  let network: PeerNetwork | null = null;
  afterEach(() => {
    network?.destroy();
    network = null;
  });

  /** The text between two encoded relative positions, read in `ydoc` (one paragraph). */
  function textBetween(ydoc: Y.Doc, start: string, end: string): string {
    const from = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(start)), ydoc);
    const to = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(end)), ydoc);
    if (!from || !to || from.type !== to.type) throw new Error('the positions are not in one text');
    const text = (from.type as Y.XmlText).toDelta() as { insert: string }[];
    return text.map((part) => part.insert).join('').slice(from.index, to.index);
  }

  it('gives relative positions that still enclose the selected text after others write before and inside it', async () => {
    network = await createPeers(doc(p('Hello brave world')));
    const [ada, grace] = network.peers as [Peer, Peer];
    const { state } = ada.view;
    let from = 0;
    state.doc.descendants((node, pos) => {
      if (node.isText) from = pos + (node.text?.indexOf('brave') ?? 0);
    });
    ada.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, from, from + 5)));
    expect(selectedQuote(ada.view.state)).toBe('brave');
    const anchor = selectionAnchor(ada.view.state);
    expect(anchor).not.toBeNull();
    expect(anchor?.start).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    grace.cursorAt('Hello', 'start');
    grace.view.dispatch(grace.view.state.tr.insertText('Oh. '));
    expect(grace.ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT).toString()).toContain('Oh. Hello');
    expect(textBetween(grace.ydoc, anchor?.start ?? '', anchor?.end ?? '')).toBe('brave');
  });

  it('is null for an empty selection or one without visible text', async () => {
    network = await createPeers(doc(p('Hello'), p('  ')));
    const [ada] = network.peers as [Peer];
    ada.cursorAt('Hello');
    expect(selectionAnchor(ada.view.state)).toBeNull();
    const blank = ada.view.state.doc.content.size - 3;
    ada.view.dispatch(ada.view.state.tr.setSelection(TextSelection.create(ada.view.state.doc, blank, blank + 2)));
    expect(selectionAnchor(ada.view.state)).toBeNull();
  });

  it('is null before the editor is bound to a shared document', () => {
    const state = EditorState.create({ doc: doc(p('Hello')) });
    expect(selectionAnchor(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 4))))).toBeNull();
  });
});

describe('commentOnlyPlugin', () => {
  const create = (active: boolean) => EditorState.create({ doc: doc(p('Text')), plugins: [commentOnlyPlugin(() => active)] });

  it('keeps a commenter’s own changes out of the content, but not selection moves', () => {
    const state = create(true);
    expect(state.apply(state.tr.insertText('typed ', 1)).doc.textContent).toBe('Text');
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 3)));
    expect(selected.selection.from).toBe(1);
    expect(selected.selection.to).toBe(3);
  });

  it('lets the shared document’s changes (others’ edits, the server’s marks) through', () => {
    const state = create(true);
    const remote = state.tr.insertText('Their ', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(state.apply(remote).doc.textContent).toBe('Their Text');
  });

  it('changes nothing for people who may edit', () => {
    const state = create(false);
    expect(state.apply(state.tr.insertText('typed ', 1)).doc.textContent).toBe('typed Text');
  });

  it('stops typing, pasting, dropping and cutting before the browser changes the page', () => {
    const plugin = commentOnlyPlugin(() => true);
    for (const type of ['beforeinput', 'paste', 'drop', 'cut'] as const) {
      const event = new Event(type, { cancelable: true });
      expect(plugin.props.handleDOMEvents?.[type]?.call(plugin, {} as EditorView, event as never)).toBe(true);
      expect(event.defaultPrevented).toBe(true);
    }
  });
});
