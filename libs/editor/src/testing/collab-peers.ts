import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { schema } from '@quire/editor-schema';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection, type Command, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { prosemirrorToYXmlFragment, ySyncPlugin, yUndoPlugin, yUndoPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { buildEditingPlugins } from '../editor-plugins';

/** One person editing: their Y.Doc and a real EditorView on it (needs a DOM: happy-dom in tests). */
export interface Peer {
  name: string;
  ydoc: Y.Doc;
  view: EditorView;
  /** Runs `command` on this person's editor, failing when it does not apply. */
  run(command: Command): void;
  /** Puts this person's cursor at the first occurrence of `text` (after it with `end`). */
  cursorAt(text: string, where?: 'start' | 'end'): void;
  /** Forgets the undo grouping, so the next change is an undo step of its own. */
  stopCapturing(): void;
}

/** People editing one document over an in-memory network that can be cut and restored. */
export interface PeerNetwork {
  peers: Peer[];
  /** Stops delivering updates (each person keeps editing alone) until `reconnect`. */
  disconnect(): void;
  /** Exchanges everything each side missed, and delivers updates at once again. */
  reconnect(): void;
  /** Waits for y-prosemirror's deferred work (its first render, cursor and undo setup). */
  settle(): Promise<void>;
  destroy(): void;
}

/**
 * `count` collaborative editors over `initial` (written to the shared document once, by the
 * first), with y-prosemirror's sync and per-user undo plugins and Quire's editing plugins, as
 * the web page builds them. Extra plugins (made for each person's Y.Doc) come after the editing ones.
 */
export async function createPeers(initial: Node, count = 2, extraPlugins: (ydoc: Y.Doc) => Plugin[] = () => []): Promise<PeerNetwork> {
  let connected = true;
  const docs = Array.from({ length: count }, () => new Y.Doc());
  const seed = docs[0] as Y.Doc;
  prosemirrorToYXmlFragment(initial, seed.getXmlFragment(PROSEMIRROR_FRAGMENT));
  for (const other of docs.slice(1)) Y.applyUpdate(other, Y.encodeStateAsUpdate(seed));
  docs.forEach((ydoc, index) => {
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (!connected || origin === 'network') return;
      docs.forEach((other, at) => {
        if (at !== index) Y.applyUpdate(other, update, 'network');
      });
    });
  });
  const peers = docs.map((ydoc, index): Peer => {
    const mount = document.createElement('div');
    document.body.appendChild(mount);
    const view = new EditorView(mount, {
      state: EditorState.create({
        schema,
        plugins: [ySyncPlugin(ydoc.getXmlFragment(PROSEMIRROR_FRAGMENT)), yUndoPlugin(), ...buildEditingPlugins(), ...extraPlugins(ydoc)],
      }),
    });
    return {
      name: `person ${index + 1}`,
      ydoc,
      view,
      run(command) {
        if (!command(view.state, view.dispatch, view)) throw new Error(`command did not apply for person ${index + 1}`);
      },
      cursorAt(text, where = 'end') {
        let found = -1;
        view.state.doc.descendants((node, pos) => {
          if (found < 0 && node.isText && node.text?.includes(text)) found = pos + (node.text.indexOf(text) ?? 0);
          return found < 0;
        });
        if (found < 0) throw new Error(`"${text}" is not in person ${index + 1}'s document`);
        const at = where === 'end' ? found + text.length : found;
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)));
      },
      stopCapturing() {
        yUndoPluginKey.getState(view.state)?.undoManager.stopCapturing();
      },
    };
  });
  const network: PeerNetwork = {
    peers,
    disconnect: () => {
      connected = false;
    },
    reconnect: () => {
      connected = true;
      for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'network');
    },
    settle: () => new Promise((resolve) => setTimeout(resolve, 20)),
    destroy: () => {
      for (const peer of peers) peer.view.destroy();
      for (const ydoc of docs) ydoc.destroy();
    },
  };
  await network.settle();
  return network;
}
