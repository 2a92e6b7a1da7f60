// @vitest-environment happy-dom
import { NodeSelection } from 'prosemirror-state';
import { undoCommand } from 'y-prosemirror';
import { afterEach, describe, expect, it } from 'vitest';
import { createPeers, type Peer, type PeerNetwork } from '../testing/collab-peers';
import { apply, createState, doc, h, hr, json, li, p, selectText, ul } from '../testing/editor-test-kit';
import { moveBlock, moveBlockTransaction } from './move-block';

describe('moving a top-level block', () => {
  const three = () => doc(h(1, 'Title'), p('first'), ul(li(p('item'))));

  it('moves the block the cursor is in up and down, the cursor staying where it was in it', () => {
    const state = selectText(createState(three()), 'fir', 'end');
    const up = apply(state, moveBlock('up'));
    expect(json(up)).toEqual(doc(p('first'), h(1, 'Title'), ul(li(p('item')))).toJSON());
    expect(up.selection.$from.parent.textContent).toBe('first');
    expect(up.selection.$from.parentOffset).toBe(3);
    const down = apply(state, moveBlock('down'));
    expect(json(down)).toEqual(doc(h(1, 'Title'), ul(li(p('item'))), p('first')).toJSON());
  });

  it('moves a whole list from inside one of its items, and refuses past the ends', () => {
    const inList = selectText(createState(three()), 'item', 'end');
    expect(json(apply(inList, moveBlock('up')))).toEqual(doc(h(1, 'Title'), ul(li(p('item'))), p('first')).toJSON());
    expect(moveBlock('down')(inList)).toBe(false);
    expect(moveBlock('up')(selectText(createState(three()), 'Title'))).toBe(false);
  });

  it('moves a block before any other, or to the end, and selects a moved node it was not in', () => {
    const state = createState(doc(p('a'), p('b'), hr(), p('c')));
    const toStart = moveBlockTransaction(state, 2, 0);
    expect(toStart?.doc.toJSON()).toEqual(doc(hr(), p('a'), p('b'), p('c')).toJSON());
    expect(toStart?.selection).toBeInstanceOf(NodeSelection);
    expect(moveBlockTransaction(state, 0, 4)?.doc.toJSON()).toEqual(doc(p('b'), hr(), p('c'), p('a')).toJSON());
    // Before itself or before the next block: where it already is.
    expect(moveBlockTransaction(state, 1, 1)).toBeNull();
    expect(moveBlockTransaction(state, 1, 2)).toBeNull();
  });
});

describe('moving a block while others edit', () => {
  let network: PeerNetwork | null = null;
  afterEach(() => {
    network?.destroy();
    network = null;
  });

  it('reaches the other person in one update, and one undo puts the block back for both', async () => {
    network = await createPeers(doc(p('one'), p('two'), p('three')));
    const [a, b] = network.peers as [Peer, Peer];
    let updates = 0;
    b.ydoc.on('update', () => updates++);
    a.cursorAt('three');
    a.stopCapturing();
    a.run(moveBlock('up'));
    a.run(moveBlock('up'));
    await network.settle();
    // Two moves, two updates: each move is one.
    expect(updates).toBe(2);
    const moved = doc(p('three'), p('one'), p('two')).toJSON();
    expect(b.view.state.doc.toJSON()).toEqual(moved);
    a.run(undoCommand);
    await network.settle();
    const once = doc(p('one'), p('three'), p('two')).toJSON();
    expect(a.view.state.doc.toJSON()).toEqual(once);
    expect(b.view.state.doc.toJSON()).toEqual(once);
  });
});
