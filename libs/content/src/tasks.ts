import type { Node } from 'prosemirror-model';
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { schema } from '@quire/editor-schema';
import { contentOf, restoreChange } from '@quire/history';
import { prosemirrorToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import type { Conversion } from './conversion';
import { toHtml } from './html-export';
import type { ImportFormat } from './formats';
import { convertFile, importTitle } from './import-file';
import { toMarkdown } from './markdown';
import { toText } from './text';

/** The formats a document is exported in. */
export type ExportFormat = 'markdown' | 'html' | 'text' | 'json';

/** A new document from a file: its whole Yjs state as one update, its title, what changed. */
export interface ImportedState {
  readonly update: Uint8Array;
  readonly title: string;
  readonly changes: readonly string[];
}

/** Converts a file and encodes it as the Yjs state of a new document (its `prosemirror` fragment). */
export async function importDocument(format: ImportFormat, bytes: Uint8Array, fileName?: string): Promise<ImportedState> {
  const { doc, changes } = await convertFile(format, bytes);
  const ydoc = prosemirrorToYDoc(doc, PROSEMIRROR_FRAGMENT);
  try {
    return { update: Y.encodeStateAsUpdate(ydoc), title: importTitle(doc, fileName), changes };
  } finally {
    ydoc.destroy();
  }
}

/** A document's Yjs state (one update, or the stored snapshot and updates) as a Y.Doc's content. */
export function documentOfState(updates: readonly Uint8Array[]): Node {
  const ydoc = new Y.Doc({ guid: 'content' });
  try {
    ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(ydoc, update);
    });
    return contentOf(ydoc, schema).doc;
  } finally {
    ydoc.destroy();
  }
}

/**
 * The one Yjs update that makes a document whose state is `state` hold `given` (`position`
 * undefined), or its own content with `given`'s blocks added at the start or the end; computed as
 * a restore is (only what differs changes), `null` when nothing would. The update depends only on
 * what `state` holds, so it applies to the live document however far it has moved on since.
 */
export function writeChange(state: Uint8Array, given: Conversion, position?: 'start' | 'end'): Uint8Array | null {
  const ydoc = new Y.Doc({ guid: 'content' });
  try {
    Y.applyUpdate(ydoc, state);
    const target = position === undefined ? given.doc : joined(contentOf(ydoc, schema).doc, given.doc, position);
    return restoreChange(ydoc, target)?.update ?? null;
  } finally {
    ydoc.destroy();
  }
}

/** The document with `added`'s blocks before or after its own; an empty document (one empty paragraph) is replaced. */
function joined(existing: Node, added: Node, position: 'start' | 'end'): Node {
  const blocks = (doc: Node) => {
    const list: Node[] = [];
    if (doc.childCount === 1 && doc.firstChild?.type.name === 'paragraph' && doc.firstChild.content.size === 0) return list;
    doc.forEach((node) => list.push(node));
    return list;
  };
  return schema.topNodeType.create(null, position === 'start' ? [...blocks(added), ...blocks(existing)] : [...blocks(existing), ...blocks(added)]);
}

/** A stored document (its snapshot and updates) in an export format: Markdown, standalone HTML, text, or ProseMirror JSON as a string. */
export function exportDocument(updates: readonly Uint8Array[], format: ExportFormat, title: string): string {
  const doc = documentOfState(updates);
  switch (format) {
    case 'markdown':
      return `${toMarkdown(doc)}\n`;
    case 'html':
      return toHtml(doc, { title });
    case 'text':
      return toText(doc);
    case 'json':
      return JSON.stringify(doc.toJSON());
  }
}
