import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { yDocToProsemirror } from 'y-prosemirror';
import * as Y from 'yjs';
import { schema } from './schema';

// A document written by the version-1 editor (schema of SCHEMA_VERSION 1), encoded as its Y.Doc
// update; the JSON beside it is the document it was made from. See fixtures/README.md.
const fixtures = path.join(__dirname, 'fixtures');
const update = () => new Uint8Array(readFileSync(path.join(fixtures, 'schema-v1-document.bin')));
const v1Json = () => JSON.parse(readFileSync(path.join(fixtures, 'schema-v1-document.json'), 'utf8')) as Record<string, unknown>;

describe('a document written with schema version 1', () => {
  it('opens with the current schema, every node and mark as it was written', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, update());
    const doc = yDocToProsemirror(schema, ydoc);
    doc.check();
    expect(doc.eq(schema.nodeFromJSON(v1Json()))).toBe(true);
    expect(doc.textContent).toContain('Quarterly plan');
    expect(doc.childCount).toBe(10);
  });

  it('is not changed by opening it (y-prosemirror deletes what a schema cannot hold)', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, update());
    const before = Y.encodeStateVector(ydoc);
    yDocToProsemirror(schema, ydoc);
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(Y.encodeStateAsUpdate((() => {
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, update());
      return fresh;
    })()));
  });

  it('gets the new attributes at their defaults', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, update());
    const doc = yDocToProsemirror(schema, ydoc);
    const heading = doc.child(0);
    expect(heading.attrs).toEqual({ level: 1, align: null });
    const code = doc.child(7);
    expect(code.type.name).toBe('code_block');
    expect(code.attrs).toEqual({ language: null });
  });
});
