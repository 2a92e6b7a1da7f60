import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentOf } from './content/from-yjs';
import { builder, Editor, testSchema } from './documents.fixtures';
import { restoreChange } from './restore';

const n = builder(testSchema);
const textOf = (doc: Y.Doc) => contentOf(doc, testSchema).doc;

describe('restoreChange', () => {
  it('makes the content equal to the version, as one update from a client id of its own, leaving the document as it was', () => {
    const server = new Editor('server').write(n('doc', n('title', 'Plans'), n('para', 'old text'), n('divider')));
    const version = textOf(server.doc);
    server.write(n('doc', n('title', { level: 2 }, 'Plans v2'), n('para', 'new text'), n('para', 'added')));
    const before = Y.encodeStateAsUpdate(server.doc);

    const change = restoreChange(server.doc, version)!;

    expect(Y.encodeStateAsUpdate(server.doc)).toEqual(before);
    expect(change.clientId).not.toBe(server.doc.clientID);
    Y.applyUpdate(server.doc, change.update);
    expect(textOf(server.doc).eq(version)).toBe(true);
  });

  it('is nothing when the content is the version’s already', () => {
    const server = new Editor('server').write(n('doc', n('para', 'same')));
    expect(restoreChange(server.doc, textOf(server.doc))).toBeUndefined();
  });

  it('keeps a keystroke made meanwhile in a paragraph the restore leaves alone, and drops one in a paragraph it removes', () => {
    const server = new Editor('server').write(n('doc', n('para', 'kept'), n('para', 'first')));
    const version = textOf(server.doc);
    server.write(n('doc', n('para', 'kept'), n('para', 'first, edited'), n('para', 'later')));
    // Bob types in two paragraphs while the restore is computed without his keystrokes.
    const bob = new Editor('bob').receive(server).write(n('doc', n('para', 'kept!'), n('para', 'first, edited'), n('para', 'later, more')));
    const change = restoreChange(server.doc, version)!;

    // Either order: Yjs merges them alike.
    for (const order of [[change.update, Y.encodeStateAsUpdate(bob.doc)], [Y.encodeStateAsUpdate(bob.doc), change.update]]) {
      const merged = new Y.Doc();
      Y.applyUpdate(merged, Y.encodeStateAsUpdate(server.doc));
      for (const update of order) Y.applyUpdate(merged, update);
      expect(textOf(merged).toJSON()).toEqual(n('doc', n('para', 'kept!'), n('para', 'first')).toJSON());
    }
  });
});
