import { isSafeFileSrc } from '@quire/editor-schema';
import type { EditorView } from 'prosemirror-view';
import { fetchRemoteImage } from '../../../lib/api/files';
import type { UploadHost } from './upload-files';

/** The http(s) addresses of the images in pasted HTML (another site's, which the page does not load). */
export function remoteImageUrls(html: string): string[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const urls = new Set<string>();
  for (const img of Array.from(parsed.querySelectorAll('img[src]'))) {
    const src = (img.getAttribute('src') ?? '').trim();
    if (/^https?:\/\//i.test(src) && isSafeFileSrc(src)) urls.add(src);
  }
  return [...urls];
}

/**
 * Once pasted, each remote image is fetched by the server into the document's files and its
 * `src` becomes the stored file, wherever the image is by then (collaborators may have moved it).
 * One the server refuses (a private address, not an image, too large) stays what the paste made:
 * a link to it with a note.
 */
export async function importRemoteImages(view: EditorView, urls: readonly string[], host: UploadHost): Promise<void> {
  await Promise.all(
    urls.map(async (url) => {
      let stored: string;
      try {
        stored = (await fetchRemoteImage(host.api, host.documentId, url)).url;
      } catch {
        return;
      }
      if (view.isDestroyed) return;
      const tr = view.state.tr;
      view.state.doc.descendants((node, pos) => {
        if (node.type.name === 'image' && node.attrs['src'] === url) tr.setNodeMarkup(pos, undefined, { ...node.attrs, src: stored });
      });
      if (tr.docChanged) view.dispatch(tr);
    }),
  );
}
