import type { Node } from 'prosemirror-model';
import { schema } from '@quire/editor-schema';
import { plainText } from '@quire/history';
import type { Conversion } from './conversion';

/** A document as plain text: one line per textblock in document order (as version history shows text). */
export function toText(doc: Node): string {
  return plainText(doc);
}

/** Plain text as paragraphs: one per line, empty lines left out; carriage returns and control characters dropped. */
export function fromText(text: string): Conversion {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const paragraphs = lines.map((line) => schema.node('paragraph', null, [schema.text(line)]));
  return { doc: schema.node('doc', null, paragraphs.length > 0 ? paragraphs : [schema.node('paragraph')]), changes: [] };
}
