import { COMMENTS_MAP, COMMENTS_REVISION_KEY, PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { schema } from '@quire/editor-schema';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { absolutePositionToRelativePosition, initProseMirrorDoc, prosemirrorJSONToYDoc, yDocToProsemirror } from 'y-prosemirror';
import * as Y from 'yjs';
import { anchoredThreadIds, anchorThread, commentsRevisionChange, unanchorThread } from './comment-marks';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const documentOf = (...paragraphs: string[]) => prosemirrorJSONToYDoc(schema, { type: 'doc', content: paragraphs.map(paragraph) });

/** The text each thread's mark covers, read as the editor reads the document. */
function markedText(doc: Y.Doc): Record<string, string> {
  const content: Node = yDocToProsemirror(schema, doc);
  const covered: Record<string, string> = {};
  content.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === 'comment') covered[mark.attrs['threadId'] as string] = (covered[mark.attrs['threadId'] as string] ?? '') + node.text;
    }
  });
  return covered;
}

function apply(doc: Y.Doc, update: Uint8Array | undefined) {
  if (!update) throw new Error('no update');
  Y.applyUpdate(doc, update);
}

/** Base64 relative positions of ProseMirror positions `from` and `to`, made as a browser makes them. */
function anchorIn(doc: Y.Doc, from: number, to: number) {
  const fragment = doc.getXmlFragment(PROSEMIRROR_FRAGMENT);
  const { mapping } = initProseMirrorDoc(fragment, schema);
  const encode = (pos: number) => Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping));
  return { start: encode(from), end: encode(to) };
}

function textOf(doc: Y.Doc, index: number): Y.XmlText {
  return (doc.getXmlFragment(PROSEMIRROR_FRAGMENT).get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('comment marks', () => {
  it('anchors a thread to the first occurrence of a quote, in one textblock', () => {
    const doc = documentOf('Nothing here.', 'The plan is the plan.');
    const result = anchorThread(doc, 't1', { quote: 'plan' });
    expect(result).toMatchObject({ ok: true, quote: 'plan' });
    apply(doc, result.ok ? result.update : undefined);
    expect(markedText(doc)).toEqual({ t1: 'plan' });
    expect(yDocToProsemirror(schema, doc).textContent).toBe('Nothing here.The plan is the plan.');
    expect([...anchoredThreadIds(doc)]).toEqual(['t1']);
  });

  it('refuses a quote that does not occur, and an anchor that resolves to nothing', () => {
    const doc = documentOf('Some text.');
    expect(anchorThread(doc, 't1', { quote: 'absent' })).toEqual({ ok: false, reason: 'quote-not-found' });
    expect(anchorThread(doc, 't1', { start: new Uint8Array([1, 2, 3]), end: new Uint8Array([4]) })).toEqual({ ok: false, reason: 'anchor-not-found' });
    const collapsed = anchorIn(doc, 3, 3);
    expect(anchorThread(doc, 't1', collapsed)).toEqual({ ok: false, reason: 'no-text' });
    expect(anchoredThreadIds(doc).size).toBe(0);
  });

  it('resolves a browser’s anchor in the document as it stands, after edits the browser had not seen', () => {
    const server = documentOf('Hello brave world');
    const browser = new Y.Doc();
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(server));
    // The browser selects "brave" (positions 7–12), while someone types at the start on the server.
    const anchor = anchorIn(browser, 7, 12);
    textOf(server, 0).insert(0, 'Oh! ');
    const result = anchorThread(server, 't1', anchor);
    expect(result).toMatchObject({ ok: true, quote: 'brave' });
    apply(server, result.ok ? result.update : undefined);
    expect(markedText(server)).toEqual({ t1: 'brave' });
  });

  it('lets threads overlap, and follows the text through concurrent edits before, inside and after it', () => {
    const server = documentOf('one two three four');
    const first = anchorThread(server, 't1', { quote: 'two three' });
    apply(server, first.ok ? first.update : undefined);
    const second = anchorThread(server, 't2', { quote: 'three four' });
    apply(server, second.ok ? second.update : undefined);
    expect(markedText(server)).toEqual({ t1: 'two three', t2: 'three four' });

    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
    textOf(peer, 0).insert(0, 'zero ');
    textOf(server, 0).insert('one two'.length, '-and-a-half');
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(peer));
    expect(yDocToProsemirror(schema, server).textContent).toBe('zero one two-and-a-half three four');
    // Typed inside the range: covered; typed before it: not (the mark is not inclusive at its ends).
    expect(markedText(server)['t1']).toBe('two-and-a-half three');
    expect(markedText(peer)).toEqual(markedText(server));
  });

  it('leaves a thread detached when all of its text is deleted, and removes a thread’s mark', () => {
    const doc = documentOf('keep this, drop that');
    for (const [id, quote] of [['t1', 'drop that'], ['t2', 'keep']]) {
      const result = anchorThread(doc, id, { quote });
      apply(doc, result.ok ? result.update : undefined);
    }
    textOf(doc, 0).delete('keep this, '.length, 'drop that'.length);
    expect([...anchoredThreadIds(doc)]).toEqual(['t2']);
    // Read again without a change: the same answer, not walked again.
    expect(anchoredThreadIds(doc)).toBe(anchoredThreadIds(doc));
    apply(doc, unanchorThread(doc, 't2'));
    expect(anchoredThreadIds(doc).size).toBe(0);
    expect(unanchorThread(doc, 't2')).toBeUndefined();
    expect(yDocToProsemirror(schema, doc).textContent).toBe('keep this, ');
  });

  it('raises the revision with one item whatever the document’s size, as map.set would: observed, converging across concurrent raises', () => {
    const doc = documentOf('Text');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const seen: number[] = [];
    peer.getMap(COMMENTS_MAP).observe(() => seen.push(peer.getMap(COMMENTS_MAP).get(COMMENTS_REVISION_KEY) as number));
    for (let i = 0; i < 3; i++) {
      const update = commentsRevisionChange(doc);
      expect(update.byteLength).toBeLessThan(40);
      Y.applyUpdate(doc, update);
      Y.applyUpdate(peer, update);
    }
    expect(seen).toEqual([1, 2, 3]);
    // Two instances raise at once from the same state: both updates apply everywhere, one value wins, and every observer saw a change.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const [mine, theirs] = [commentsRevisionChange(doc), commentsRevisionChange(other)];
    for (const target of [doc, other, peer]) {
      Y.applyUpdate(target, mine);
      Y.applyUpdate(target, theirs);
    }
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(doc.getMap(COMMENTS_MAP).get(COMMENTS_REVISION_KEY)).toBe(4);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(peer));
    expect(peer.getMap(COMMENTS_MAP).toJSON()).toEqual(other.getMap(COMMENTS_MAP).toJSON());
    // The replaced entries are deleted, as a set would delete them: one live entry.
    expect([...peer.getMap(COMMENTS_MAP).keys()]).toEqual([COMMENTS_REVISION_KEY]);
  });

  it('raises the comments map’s revision, outside the content', () => {
    const doc = documentOf('Text');
    const before = Y.encodeStateVector(doc);
    apply(doc, commentsRevisionChange(doc));
    apply(doc, commentsRevisionChange(doc));
    expect(doc.getMap(COMMENTS_MAP).get(COMMENTS_REVISION_KEY)).toBe(2);
    expect(Y.encodeStateVector(doc)).not.toEqual(before);
    expect(yDocToProsemirror(schema, doc).textContent).toBe('Text');
  });
});
