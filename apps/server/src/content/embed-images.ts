import { buffer } from 'node:stream/consumers';
import type { Principal } from '../auth/principal';
import type { FilesService } from '../files/files-service';

/** At most this many bytes of images are embedded in one exported page; the rest stay links. */
export const MAX_EMBEDDED_IMAGE_BYTES = 50 * 1024 * 1024;

const FILE_SRC = /src="\/api\/files\/([A-Za-z0-9_-]{1,128})"/g;

/**
 * An exported HTML page with the document's own images (`/api/files/<id>`, raster types, which the
 * caller may read) embedded as `data:` URLs, so that the file shows them wherever it is opened.
 * Images past {@link MAX_EMBEDDED_IMAGE_BYTES}, of another document, or whose bytes are missing
 * stay links to this server. A linear pass over the page: the page itself came from the worker.
 */
export async function embedImages(html: string, documentId: string, principal: Principal, files: FilesService): Promise<string> {
  const ids = [...new Set([...html.matchAll(FILE_SRC)].map((match) => match[1]))];
  const embedded = new Map<string, string>();
  let total = 0;
  for (const id of ids) {
    try {
      const file = await files.readable(principal, id, undefined);
      // Raster images only, as the server shows inline (an SVG is served as a download).
      if (file.documentId !== documentId || !/^image\/(png|jpeg|gif|webp|avif)$/.test(file.contentType)) continue;
      if (total + file.bytes > MAX_EMBEDDED_IMAGE_BYTES) continue;
      const bytes = await buffer(await files.open(file));
      total += bytes.length;
      embedded.set(id, `data:${file.contentType};base64,${bytes.toString('base64')}`);
    } catch {
      // Gone or unreadable: the page keeps the link.
    }
  }
  return html.replace(FILE_SRC, (whole, id: string) => {
    const url = embedded.get(id);
    return url ? `src="${url}"` : whole;
  });
}
