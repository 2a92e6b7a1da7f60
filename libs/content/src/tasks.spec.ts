import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromMarkdown } from './markdown';
import { documentOfState, exportDocument, importDocument, writeChange } from './tasks';
import convert from './worker';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the tasks the worker runs', () => {
  it('imports a file as the Yjs state of a new document, with its title', async () => {
    const imported = await importDocument('markdown', bytes('# Notes\n\n- [x] done\n'), 'notes.md');
    expect(imported.title).toBe('Notes');
    expect(exportDocument([imported.update], 'markdown', 'Notes')).toBe('# Notes\n\n- [x] done\n');
    expect(JSON.parse(exportDocument([imported.update], 'json', ''))).toMatchObject({ type: 'doc', content: [{ type: 'heading' }, { type: 'task_list' }] });
    expect(exportDocument([imported.update], 'text', '')).toBe('Notes\ndone\n');
    expect(exportDocument([imported.update], 'html', 'Notes')).toContain('<title>Notes</title>');
  });

  it('computes a write against a state: replacing, adding at either end, and nothing when equal', async () => {
    const { update: state } = await importDocument('markdown', bytes('middle'));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const replace = writeChange(state, fromMarkdown('new'))!;
    const text = (update: Uint8Array) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      Y.applyUpdate(copy, update);
      return exportDocument([Y.encodeStateAsUpdate(copy)], 'text', '');
    };
    expect(text(replace)).toBe('new\n');
    expect(text(writeChange(state, fromMarkdown('first'), 'start')!)).toBe('first\nmiddle\n');
    expect(text(writeChange(state, fromMarkdown('last'), 'end')!)).toBe('middle\nlast\n');
    expect(writeChange(state, fromMarkdown('middle'))).toBeNull();
    // An empty document is replaced, not kept as an empty first line.
    expect(documentOfState([writeChange(Y.encodeStateAsUpdate(new Y.Doc()), fromMarkdown('only'), 'end')!]).childCount).toBe(1);
  });

  it('answers a refusal, never throws, across the thread boundary', async () => {
    expect(await convert({ kind: 'import', format: 'docx', bytes: bytes('not a zip') })).toEqual({ ok: false, message: 'This file is not a Word document (.docx): it is not a zip archive' });
    expect(await convert({ kind: 'write', format: 'json', bytes: bytes('{"type":"doc","content":[{"type":"nope"}]}'), state: new Uint8Array([0, 0]) })).toMatchObject({ ok: false });
    expect(await convert({ kind: 'export', format: 'text', updates: [], title: '' })).toEqual({ ok: true, kind: 'export', body: '' });
  });
});
