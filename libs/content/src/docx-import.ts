import mammoth from 'mammoth';
import { ContentError } from './content-error';
import type { Conversion } from './conversion';
import { fromHtml } from './html-import';

/** The bytes every zip archive (and so every .docx) starts with. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * A Word document (.docx) to a document, through mammoth's HTML (headings, lists, tables, links,
 * bold and italic), then {@link fromHtml}. Images are left out (the document holds no `data:`
 * sources): the changes say how many. What mammoth could not read is listed too.
 */
export async function fromDocx(bytes: Uint8Array): Promise<Conversion> {
  if (bytes.length < 4 || ZIP_MAGIC.some((byte, i) => bytes[i] !== byte)) {
    throw new ContentError('This file is not a Word document (.docx): it is not a zip archive');
  }
  let images = 0;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        convertImage: mammoth.images.imgElement(() => {
          images += 1;
          return Promise.resolve({ src: '' });
        }),
      },
    );
  } catch (error) {
    throw new ContentError(`This Word document cannot be read: ${(error as Error).message}`);
  }
  const html = await fromHtml(result.value);
  const changes = html.changes.filter((change) => !change.includes('image'));
  if (images > 0) changes.push(`Left out ${images} image${images === 1 ? '' : 's'} of the Word document; upload them to the document instead`);
  const warnings = [...new Set(result.messages.filter((message) => message.type === 'warning').map((message) => message.message))];
  if (warnings.length > 0) changes.push(`Word formatting Quire does not keep: ${warnings.slice(0, 5).join('; ')}${warnings.length > 5 ? ` (and ${warnings.length - 5} more)` : ''}`);
  return { doc: html.doc, changes };
}
