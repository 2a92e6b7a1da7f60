// @vitest-environment happy-dom
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { afterEach, describe, expect, it } from 'vitest';
import { keepUnreadSelectionPlugin } from './keep-unread-selection';
import { createPeers, type Peer, type PeerNetwork } from './testing/collab-peers';
import { doc, p } from './testing/editor-test-kit';

let network: PeerNetwork | null = null;
// A browser queues `selectionchange` behind other tasks; this holds it back, as a busy page does.
const holdSelectionChange = (event: Event) => event.stopImmediatePropagation();
afterEach(() => {
  window.removeEventListener('selectionchange', holdSelectionChange, { capture: true });
  network?.destroy();
  network = null;
});

const stateCaret = 1 + 'Hello'.length + 2 + 'second line'.length;

/** Ada's caret at the end of "second line" as her editor knows it; the browser's at the end of "Hello". */
async function caretPlacedButUnread(withGuard: boolean): Promise<[Peer, Peer]> {
  network = await createPeers(doc(p('Hello'), p('second line')), 2, (ydoc) => (withGuard ? [keepUnreadSelectionPlugin(ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT))] : []));
  const [ada, grace] = network.peers as [Peer, Peer];
  ada.view.focus();
  ada.cursorAt('second line');
  const hello = ada.view.dom.querySelector('p')?.firstChild as Text;
  // As a click does: the browser moves its selection; ProseMirror reads it only on `selectionchange`.
  window.addEventListener('selectionchange', holdSelectionChange, { capture: true });
  document.getSelection()?.collapse(hello, 'Hello'.length);
  expect(ada.view.hasFocus()).toBe(true);
  expect(ada.view.state.selection.head).toBe(stateCaret);
  return [ada, grace];
}

function graceTypesAtTheStart(grace: Peer): void {
  grace.cursorAt('Hello', 'start');
  grace.view.dispatch(grace.view.state.tr.insertText('Oh, '));
}

describe('a caret placed but not yet read by the editor', () => {
  it('stays where it was placed when someone else types', async () => {
    const [ada, grace] = await caretPlacedButUnread(true);
    graceTypesAtTheStart(grace);
    expect(ada.view.state.doc.textContent).toBe('Oh, Hellosecond line');
    expect(ada.view.state.selection.head).toBe(1 + 'Oh, Hello'.length);
    ada.view.dispatch(ada.view.state.tr.insertText('!'));
    expect(ada.view.state.doc.child(0).textContent).toBe('Oh, Hello!');
  });

  it('goes back where the editor last had it without this plugin (y-prosemirror alone)', async () => {
    const [ada, grace] = await caretPlacedButUnread(false);
    graceTypesAtTheStart(grace);
    expect(ada.view.state.selection.head).toBe('Oh, '.length + stateCaret);
  });

  it('is taken into a transaction that only redraws (someone’s cursor moved)', async () => {
    const [ada] = await caretPlacedButUnread(true);
    ada.view.dispatch(ada.view.state.tr.setMeta('redraw', true));
    expect(ada.view.state.selection.head).toBe(1 + 'Hello'.length);
  });

  it('is left alone while the editor does not have focus (a panel set the selection)', async () => {
    const [ada, grace] = await caretPlacedButUnread(true);
    (ada.view.dom as HTMLElement).blur();
    expect(ada.view.hasFocus()).toBe(false);
    ada.view.dispatch(ada.view.state.tr.setMeta('redraw', true));
    expect(ada.view.state.selection.head).toBe(stateCaret);
    graceTypesAtTheStart(grace);
    expect(ada.view.state.selection.head).toBe('Oh, '.length + stateCaret);
  });
});
