import { completeUpload, insertAttachment, insertImage, removeUpload } from '@quire/editor';
import { uploadPlaceholderSrc } from '@quire/editor-schema';
import type { EditorView } from 'prosemirror-view';
import { uploadFile } from '../../../lib/api/files';
import type { ApiClient } from '../../../lib/api/client';
import type { LiveMap } from './live-map';
import type { UploadStatus } from './media-context';

/** What uploading needs from the page. */
export interface UploadHost {
  api: ApiClient;
  documentId: string;
  uploads: LiveMap<UploadStatus>;
  /** An upload failed (its placeholder is gone): say so. */
  onError: (message: string) => void;
  /** An image finished uploading on its own: ask for its alt text. */
  onImageUploaded: (src: string) => void;
}

/**
 * The types shown as images: the raster formats the server serves inline (docs/api.md, "Files").
 * Anything else, SVG included, is attached as a file.
 */
const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/apng', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

export function isInlineImage(file: File): boolean {
  return INLINE_IMAGE_TYPES.has(file.type.toLowerCase());
}

const newUploadId = () => crypto.randomUUID();

/**
 * Puts a placeholder for each file at the selection (everyone sees it at once) and uploads the
 * files; each placeholder becomes the image or attachment when its upload ends, wherever
 * collaborators have moved it meanwhile, or goes away with a message when the upload fails.
 */
export function insertUploads(view: EditorView, files: readonly File[], host: UploadHost): void {
  // Each insertion goes before the block the previous one selected: the last file first keeps
  // their order.
  const started: { file: File; id: string; image: boolean }[] = [];
  for (const file of [...files].reverse()) {
    const id = newUploadId();
    const src = uploadPlaceholderSrc(id);
    const image = isInlineImage(file);
    const command = image
      ? insertImage({ src, alt: '' })
      : insertAttachment({ src, name: file.name, size: file.size, contentType: file.type });
    if (!command(view.state, view.dispatch)) continue;
    started.push({ file, id, image });
  }
  for (const { file, id, image } of started) void upload(view, file, id, image, host, started.length === 1);
}

async function upload(view: EditorView, file: File, id: string, image: boolean, host: UploadHost, askForAlt: boolean): Promise<void> {
  host.uploads.set(id, { name: file.name, loaded: 0, total: file.size });
  try {
    const stored = await uploadFile(host.api, host.documentId, file, {
      onProgress: (progress) => host.uploads.set(id, { name: file.name, ...progress }),
    });
    if (view.isDestroyed) return;
    const attrs = image ? {} : { size: stored.bytes, contentType: stored.contentType };
    const placed = completeUpload(id, stored.url, attrs)(view.state, view.dispatch);
    if (placed && image && askForAlt) host.onImageUploaded(stored.url);
  } catch (error) {
    if (!view.isDestroyed) removeUpload(id)(view.state, view.dispatch);
    host.onError(`${file.name} could not be uploaded: ${(error as Error).message}`);
  } finally {
    host.uploads.delete(id);
  }
}
