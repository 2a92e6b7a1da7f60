import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import * as Y from 'yjs';

// Typed over and over; any prose would do, what matters is one character per transaction.
const PROSE =
  'Whatever any collaborator has seen survives a kill -9 of the server, even if every browser ' +
  'closes at the same moment. Updates arriving together share one write, so this costs little. ';

/** Characters per paragraph before the typist presses Enter. */
export const LINE_LENGTH = 72;

/**
 * Types into a Y.Doc the way y-prosemirror edits it: paragraphs (`Y.XmlElement('paragraph')`
 * holding a `Y.XmlText`) in the `prosemirror` fragment, one character per transaction, and Enter
 * (a new paragraph) every {@link LINE_LENGTH} characters. Each `press()` emits exactly one update.
 */
export class Typist {
  private paragraph: Y.XmlText | undefined;
  private column = 0;
  private typed = 0;

  constructor(readonly doc: Y.Doc) {}

  /** Where the caret stands after the last keystroke (a cursor to publish); none before the first. */
  get caret(): { readonly text: Y.XmlText; readonly index: number } | undefined {
    return this.paragraph === undefined ? undefined : { text: this.paragraph, index: this.column };
  }

  /** One keystroke: a character, or Enter when the line is full (and before the first one). */
  press(): void {
    if (this.paragraph === undefined || this.column >= LINE_LENGTH) {
      const paragraph = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      this.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).push([paragraph]);
      // Integrated together with its paragraph, the same object now edits the document.
      this.paragraph = text;
      this.column = 0;
      return;
    }
    this.paragraph.insert(this.column, PROSE[this.typed % PROSE.length]);
    this.column += 1;
    this.typed += 1;
  }
}

/** `count` consecutive keystroke updates of one client, as its Y.Doc emitted them. */
export function keystrokeUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const typist = new Typist(doc);
  while (updates.length < count) typist.press();
  doc.destroy();
  return updates;
}
