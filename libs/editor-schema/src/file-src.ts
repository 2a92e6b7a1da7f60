import { isSafeHref } from './href';

/** The path the server serves an uploaded file at: `/api/files/<id>` (docs/api.md). */
export const FILE_URL_PATTERN = /^\/api\/files\/[A-Za-z0-9_-]{1,128}$/;

/** What an image or attachment carries while it uploads: `upload:<id>`, an id its uploader chose. */
export const UPLOAD_PLACEHOLDER_PATTERN = /^upload:[A-Za-z0-9_-]{1,64}$/;

/** The `src` of a file that is still uploading, for the placeholder collaborators see meanwhile. */
export function uploadPlaceholderSrc(uploadId: string): string {
  const src = `upload:${uploadId}`;
  if (!UPLOAD_PLACEHOLDER_PATTERN.test(src)) throw new RangeError(`Upload id must be 1-64 of [A-Za-z0-9_-], not ${uploadId}`);
  return src;
}

export function isUploadPlaceholder(src: unknown): src is string {
  return typeof src === 'string' && UPLOAD_PLACEHOLDER_PATTERN.test(src);
}

/**
 * True when `src` may be loaded by the page: a file of this server (`/api/files/<id>`) or an
 * absolute `http(s)` URL (a pasted image the server has not fetched yet). Never `data:`, `blob:`,
 * `javascript:` or another relative path: a document is opened under many origins and paths.
 */
export function isSafeFileSrc(src: unknown): src is string {
  if (typeof src !== 'string') return false;
  const value = src.trim();
  if (FILE_URL_PATTERN.test(value)) return true;
  return isSafeHref(value) && !/^mailto:/i.test(value);
}
