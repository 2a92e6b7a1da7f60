import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import type { EditingTrace, Patch } from '@quire/bench-support';
import * as Y from 'yjs';

/**
 * The editing trace replayed as the editor would hold it: one paragraph (a `Y.XmlElement` holding a
 * `Y.XmlText`) per line of the text, a newline typed splitting a paragraph and one deleted joining
 * two, as y-prosemirror does. One transaction per operation, so each makes one update.
 */
export class LineReplay {
  readonly doc = new Y.Doc();
  private readonly fragment = this.doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  private readonly lines: Y.XmlText[] = [];
  /** Characters per line, without its newline. */
  private readonly lengths: number[] = [];
  // Where the last operation was: the trace edits near where it edited last.
  private cursorLine = 0;
  private cursorStart = 0;

  constructor(startContent = '') {
    this.doc.transact(() => this.insertLines(0, startContent.split('\n')));
  }

  /** Applies one operation of the trace. */
  apply([position, deleteCount, insert]: Patch): void {
    this.doc.transact(() => {
      if (deleteCount > 0) this.delete(position, deleteCount);
      if (insert.length > 0) this.insert(position, insert);
    });
  }

  /** The text, lines joined by newlines: it must equal the trace's at the same point. */
  text(): string {
    return this.lines.map((line) => line.toString()).join('\n');
  }

  /** Applies the first `count` operations (all by default); throws when the text differs from the trace's end. */
  static replay(trace: EditingTrace, count = trace.operations.length, each?: (done: number) => void): LineReplay {
    const replay = new LineReplay(trace.startContent);
    trace.operations.slice(0, count).forEach((operation, index) => {
      replay.apply(operation);
      each?.(index + 1);
    });
    return replay;
  }

  private locate(position: number): { line: number; offset: number } {
    let line = this.cursorLine;
    let start = this.cursorStart;
    while (position < start) start -= this.lengths[--line] + 1;
    while (position > start + this.lengths[line]) start += this.lengths[line++] + 1;
    this.cursorLine = line;
    this.cursorStart = start;
    return { line, offset: position - start };
  }

  private delete(position: number, count: number): void {
    const { line, offset } = this.locate(position);
    let remaining = count;
    while (remaining > 0) {
      const available = this.lengths[line] - offset;
      const here = Math.min(available, remaining);
      if (here > 0) {
        this.lines[line].delete(offset, here);
        this.lengths[line] -= here;
        remaining -= here;
      }
      if (remaining === 0) break;
      // The newline goes: the next line joins this one.
      const next = this.lines[line + 1].toString();
      this.fragment.delete(line + 1, 1);
      this.lines.splice(line + 1, 1);
      this.lengths.splice(line + 1, 1);
      this.lines[line].insert(this.lengths[line], next);
      this.lengths[line] += next.length;
      remaining -= 1;
    }
  }

  private insert(position: number, text: string): void {
    const { line, offset } = this.locate(position);
    const parts = text.split('\n');
    if (parts.length === 1) {
      this.lines[line].insert(offset, text);
      this.lengths[line] += text.length;
      return;
    }
    // Enter splits the paragraph: what followed moves to the last new one.
    const tail = this.lines[line].toString().slice(offset);
    if (tail.length > 0) this.lines[line].delete(offset, tail.length);
    this.lines[line].insert(offset, parts[0]);
    this.lengths[line] = offset + parts[0].length;
    const added = parts.slice(1);
    added[added.length - 1] += tail;
    this.insertLines(line + 1, added);
  }

  private insertLines(index: number, texts: readonly string[]): void {
    const elements = texts.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      const content = new Y.XmlText();
      paragraph.insert(0, [content]);
      if (text.length > 0) content.insert(0, text);
      return { paragraph, content, length: text.length };
    });
    this.fragment.insert(index, elements.map((element) => element.paragraph));
    this.lines.splice(index, 0, ...elements.map((element) => element.content));
    this.lengths.splice(index, 0, ...elements.map((element) => element.length));
  }
}
