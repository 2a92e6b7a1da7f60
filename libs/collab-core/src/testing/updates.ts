import * as Y from 'yjs';

/** An update that creates a document whose shared text is `text`. */
export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Two consecutive updates of one client; the second alone has a gap in its clocks. */
export function twoConsecutiveUpdates(): [Uint8Array, Uint8Array] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getText('text').insert(0, 'first');
  doc.getText('text').insert(5, ' second');
  doc.destroy();
  return [updates[0], updates[1]];
}
