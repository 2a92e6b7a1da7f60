import { Slice, type Node } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { contentOf } from '../content/from-yjs';
import { builder, Editor, quireSchema, testSchema } from '../documents.fixtures';
import type { DocumentChange } from './changes';
import { diffDocuments } from './diff-documents';
import { randomDocument, randomEdit, seeded } from './random-documents.fixtures';

const n = builder(testSchema);
const strong = testSchema.marks.strong.create();

/**
 * Undoes `changes` on `after`, right to left (a change never moves what lies before it): the result
 * must be `before` again, which checks every position, slice and markup a change carries.
 */
function undo(after: Node, changes: readonly DocumentChange[]): Node {
  const tr = EditorState.create({ doc: after }).tr;
  const place = (change: DocumentChange) => (change.type === 'delete' ? change.at : change.from);
  const ordered = [...changes].reverse().sort((x, y) => place(y) - place(x));
  for (const [index, change] of ordered.entries()) {
    const next = ordered[index + 1];
    // What replaced a deleted node goes in one step: a node left empty between the two would be filled.
    if (change.type === 'insert' && next?.type === 'delete' && next.at === change.from) {
      tr.replace(change.from, change.to, Slice.fromJSON(testSchema, next.slice));
      ordered.splice(index + 1, 1);
    } else if (change.type === 'insert') tr.delete(change.from, change.to);
    else if (change.type === 'delete') tr.replace(change.at, change.at, Slice.fromJSON(testSchema, change.slice));
    else if (change.type === 'node') tr.setNodeMarkup(change.from, testSchema.nodes[change.before.type], change.before.attrs);
    else {
      for (const mark of change.added) tr.removeMark(change.from, change.to, testSchema.markFromJSON(mark));
      for (const mark of change.removed) tr.addMark(change.from, change.to, testSchema.markFromJSON(mark));
    }
  }
  return tr.doc;
}

/** Ada writes `first`, then Bob edits it into `second`: the two documents, and what Bob's doc knows of whose is what. */
function edited(first: Node, second: Node) {
  const ada = new Editor('ada').write(first);
  const bob = new Editor('bob').receive(ada).write(second);
  const authorOf = (client: number) => (client === ada.doc.clientID ? 'ada' : client === bob.doc.clientID ? 'bob' : undefined);
  const before = contentOf(ada.doc, testSchema).doc;
  const after = contentOf(bob.doc, testSchema);
  return { before, after: after.doc, changes: diffDocuments(before, after.doc, { origins: after.origins, authorOf, editors: ['bob'] }) };
}

describe('diffDocuments', () => {
  it('finds nothing between equal documents', () => {
    const doc = n('doc', n('para', 'same'), n('grid', n('row', n('cell', n('para', 'x')))));
    expect(diffDocuments(doc, doc.copy(doc.content))).toEqual([]);
  });

  it('finds text inserted and deleted inside a paragraph, with whose it is', () => {
    const { before, after, changes } = edited(n('doc', n('para', 'Hello world')), n('doc', n('para', 'Hello brave new world')));

    expect(changes).toEqual([{ type: 'insert', kind: 'text', from: 7, to: 17, authorIds: ['bob'] }]);
    expect(after.textBetween(7, 17)).toBe('brave new ');
    expect(undo(after, changes).eq(before)).toBe(true);
  });

  it('gives a deletion its place, what it removed and who may have removed it', () => {
    const { before, after, changes } = edited(n('doc', n('para', 'keep '), n('para', 'drop this')), n('doc', n('para', 'keep ')));

    expect(changes).toEqual([
      { type: 'delete', kind: 'node', at: 7, fromA: 7, toA: 18, slice: { content: [n('para', 'drop this').toJSON()] }, authorIds: ['bob'] },
    ]);
    expect(undo(after, changes).eq(before)).toBe(true);
  });

  it('finds marks added to kept text, by who added them', () => {
    const { before, after, changes } = edited(n('doc', n('para', 'plain text')), n('doc', n('para', 'plain ', testSchema.text('text', [strong]))));

    expect(changes).toEqual([{ type: 'format', from: 7, to: 11, added: [{ type: 'strong' }], removed: [], authorIds: ['bob'] }]);
    expect(undo(after, changes).eq(before)).toBe(true);
  });

  it('does not count a comment thread’s anchor (the comment mark) as an edit, but the rest of a change', () => {
    const q = quireSchema;
    const before = q.node('doc', null, [q.node('paragraph', null, [q.text('Discuss this')])]);
    const comment = q.marks.comment.create({ threadId: 't1' });
    const anchored = q.node('doc', null, [q.node('paragraph', null, [q.text('Discuss '), q.text('this', [comment])])]);
    expect(diffDocuments(before, anchored)).toEqual([]);
    expect(diffDocuments(anchored, before)).toEqual([]);
    const bolded = q.node('doc', null, [q.node('paragraph', null, [q.text('Discuss '), q.text('this', [comment, q.marks.bold.create()])])]);
    expect(diffDocuments(before, bolded)).toEqual([{ type: 'format', from: 9, to: 13, added: [{ type: 'bold' }], removed: [], authorIds: [] }]);
  });

  it('finds a node’s attributes or type changing, its content compared inside it', () => {
    const { before, after, changes } = edited(
      n('doc', n('title', { level: 1 }, 'Plans'), n('para', 'Body'), n('checklist', n('check', n('para', 'task')))),
      n('doc', n('title', { level: 2 }, 'Plans!'), n('title', { level: 1 }, 'Body'), n('checklist', n('check', { done: true }, n('para', 'task')))),
    );

    expect(changes.map(({ type }) => type)).toEqual(['node', 'insert', 'node', 'node']);
    expect(changes[0]).toMatchObject({ from: 0, before: { type: 'title', attrs: { level: 1 } }, after: { type: 'title', attrs: { level: 2 } }, authorIds: ['bob'] });
    expect(changes[2]).toMatchObject({ before: { type: 'para' }, after: { type: 'title' } });
    expect(changes[3]).toMatchObject({ before: { type: 'check', attrs: { done: false } }, after: { attrs: { done: true } }, authorIds: ['bob'] });
    expect(undo(after, changes).eq(before)).toBe(true);
  });

  it('reaches into nested nodes: a cell of a grid, an item of a list', () => {
    const { before, after, changes } = edited(
      n('doc', n('grid', n('row', n('cell', n('para', 'a')), n('cell', n('para', 'b'))))),
      n('doc', n('grid', n('row', n('cell', n('para', 'a')), n('cell', n('para', 'b2'), n('para', 'new'))))),
    );

    expect(changes).toEqual([
      { type: 'insert', kind: 'text', from: 10, to: 11, authorIds: ['bob'] },
      { type: 'insert', kind: 'node', from: 12, to: 17, authorIds: ['bob'] },
    ]);
    expect(after.textBetween(12, 17)).toBe('new');
    expect(undo(after, changes).eq(before)).toBe(true);
  });

  it('shows unrelated text replacing a paragraph as one removed and one added, not as letters', () => {
    const { changes } = edited(n('doc', n('para', 'completely different')), n('doc', n('para', 'xyzzy')));
    expect(changes.map((change) => (change.type === 'insert' || change.type === 'delete' ? `${change.type} ${change.kind}` : change.type))).toEqual(['delete node', 'insert node']);
  });

  it('splits inserted text by who typed it', () => {
    const ada = new Editor('ada').write(n('doc', n('para', 'ab')));
    const base = contentOf(ada.doc, testSchema).doc;
    ada.write(n('doc', n('para', 'a123b')));
    const bob = new Editor('bob').receive(ada).write(n('doc', n('para', 'a123xyb')));
    const after = contentOf(bob.doc, testSchema);
    const authorOf = (client: number) => (client === ada.doc.clientID ? 'ada' : 'bob');

    expect(diffDocuments(base, after.doc, { origins: after.origins, authorOf })).toEqual([
      { type: 'insert', kind: 'text', from: 2, to: 5, authorIds: ['ada'] },
      { type: 'insert', kind: 'text', from: 5, to: 7, authorIds: ['bob'] },
    ]);
  });

  it('undoes to the older document after random edits of every kind (300 documents)', () => {
    const random = seeded(19);
    for (let round = 0; round < 300; round++) {
      const first = randomDocument(random);
      let second = first;
      for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) second = randomEdit(second, random);
      const { before, after, changes } = edited(first, second);
      expect(after.eq(second), `round ${round}: y-prosemirror kept the document`).toBe(true);
      expect(undo(after, changes).toJSON(), `round ${round}`).toEqual(before.toJSON());
    }
  });
});
