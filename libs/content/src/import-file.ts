import type { Node } from 'prosemirror-model';
import { MAX_TITLE_LENGTH, schema } from '@quire/editor-schema';
import { Transform } from 'prosemirror-transform';
import { ContentError } from './content-error';
import type { Conversion } from './conversion';
import { documentFromJson } from './document-json';
import { fromDocx } from './docx-import';
import { fromHtml } from './html-import';
import { fromMarkdown } from './markdown';
import { fromText } from './text';
import type { ImportFormat } from './formats';

/** Decodes UTF-8 text, refusing bytes that are not (a binary file named `.md`). */
function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ContentError('This file is not UTF-8 text');
  }
}

/**
 * Converts a file's bytes in `format` to a document, with what changed on the way. Comment anchors
 * (the `comment` mark, read from `data-thread-id` or JSON) are left out: threads belong to the
 * document they were made in, and only the server anchors them.
 */
export async function convertFile(format: ImportFormat, bytes: Uint8Array): Promise<Conversion> {
  const converted = await convertFormat(format, bytes);
  const comment = schema.marks['comment'];
  if (!comment || !converted.doc.rangeHasMark(0, converted.doc.content.size, comment)) return converted;
  const doc = new Transform(converted.doc).removeMark(0, converted.doc.content.size, comment).doc;
  return { doc, changes: [...converted.changes, 'Left out comment anchors: comments belong to the document they were made in'] };
}

async function convertFormat(format: ImportFormat, bytes: Uint8Array): Promise<Conversion> {
  switch (format) {
    case 'docx':
      return fromDocx(bytes);
    case 'html':
      return fromHtml(utf8(bytes));
    case 'markdown':
      return fromMarkdown(utf8(bytes));
    case 'text':
      return fromText(utf8(bytes));
    case 'json': {
      let json: unknown;
      try {
        json = JSON.parse(utf8(bytes));
      } catch (error) {
        if (error instanceof ContentError) throw error;
        throw new ContentError('This JSON cannot be parsed');
      }
      return { doc: documentFromJson(json), changes: [] };
    }
  }
}

/**
 * An imported document's title: its first heading's text, else the file's name without its
 * extension, else "Imported document"; whitespace collapsed, at most {@link MAX_TITLE_LENGTH}.
 */
export function importTitle(doc: Node, fileName: string | undefined): string {
  let heading = '';
  doc.descendants((node) => {
    if (heading) return false;
    if (node.type.name === 'heading' && node.textContent.trim()) heading = node.textContent;
    return !node.isTextblock;
  });
  const base = (fileName ?? '').split(/[\\/]/).pop()?.replace(/\.[A-Za-z0-9]+$/, '') ?? '';
  const title = (heading || base).replace(/\s+/g, ' ').trim() || 'Imported document';
  return [...title].slice(0, MAX_TITLE_LENGTH).join('');
}
