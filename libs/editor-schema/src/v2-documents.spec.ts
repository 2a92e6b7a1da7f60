import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { yDocToProsemirror } from 'y-prosemirror';
import * as Y from 'yjs';
import { schema } from './schema';

// A document written with the version-2 schema (every node and mark it had: tables, task lists,
// callouts, images, attachments, mentions, colours…), encoded as its Y.Doc update; the JSON beside
// it is the document it was made from. See fixtures/README.md.
const fixtures = path.join(__dirname, 'fixtures');
const update = () => new Uint8Array(readFileSync(path.join(fixtures, 'schema-v2-document.bin')));
const v2Json = () => JSON.parse(readFileSync(path.join(fixtures, 'schema-v2-document.json'), 'utf8')) as Record<string, unknown>;

describe('a document written with schema version 2', () => {
  it('opens with the current schema, every node and mark as it was written', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, update());
    const doc = yDocToProsemirror(schema, ydoc);
    doc.check();
    expect(doc.eq(schema.nodeFromJSON(v2Json()))).toBe(true);
    expect(doc.childCount).toBe(14);
    expect(doc.child(7).type.name).toBe('table');
  });

  it('is not changed by opening it (y-prosemirror deletes what a schema cannot hold)', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, update());
    const before = Y.encodeStateAsUpdate(ydoc);
    yDocToProsemirror(schema, ydoc);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
  });
});
