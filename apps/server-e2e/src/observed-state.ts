import * as Y from 'yjs';
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';

/**
 * True when `stored` already holds everything in `observed`: merging the observed state into a
 * copy of the stored one changes neither its state vector nor its content.
 */
export function containsState(stored: Y.Doc, observed: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(stored));
  const before = { sv: Y.encodeStateVector(copy), content: copy.getXmlFragment(PROSEMIRROR_FRAGMENT).toString() };
  Y.applyUpdate(copy, observed);
  const after = { sv: Y.encodeStateVector(copy), content: copy.getXmlFragment(PROSEMIRROR_FRAGMENT).toString() };
  copy.destroy();
  return Buffer.from(before.sv).equals(Buffer.from(after.sv)) && before.content === after.content;
}
