import type { StoredFile } from '@quire/storage';
import contentDisposition from 'content-disposition';
import { isRasterImage } from './content-type';

/**
 * The policy every file is served under. `sandbox` puts a file opened on its own (an SVG or HTML
 * page a browser was sent to) in an origin of its own with no script; `default-src 'none'` lets it
 * load nothing, except the image itself and the inline style a browser's image view uses.
 */
export const FILE_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

/**
 * The headers a stored file is served with (docs/api.md, "Files"): its sniffed type, never guessed
 * again (`nosniff`); shown inline only when it is a raster image, downloaded otherwise (SVG
 * included: it can carry script); revalidated on every use, so that access removed is access
 * refused at once, however long the browser keeps the bytes; the id is the ETag, since a file's
 * bytes never change.
 */
export function fileHeaders(file: StoredFile): Record<string, string> {
  return {
    'Content-Security-Policy': FILE_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': contentDisposition(file.name, { type: isRasterImage(file.contentType) ? 'inline' : 'attachment' }),
    'Cache-Control': 'private, no-cache',
    ETag: etagOf(file),
  };
}

export function etagOf(file: StoredFile): string {
  return `"${file.id}"`;
}

/** Whether the request's `If-None-Match` names this file (a browser revalidating what it holds). */
export function isCached(ifNoneMatch: string | undefined, file: StoredFile): boolean {
  if (!ifNoneMatch) return false;
  const etag = etagOf(file);
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}
