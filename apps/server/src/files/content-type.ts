import { open } from 'node:fs/promises';

/**
 * Types served inline, as images: raster formats a browser only ever draws. Everything else (SVG
 * and HTML above all, which can carry script) is served as a download (docs/api.md, "Files").
 */
const RASTER_IMAGES: ReadonlySet<string> = new Set(['image/png', 'image/apng', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/** Whether a file of this type is shown inline (a raster image) rather than downloaded. */
export function isRasterImage(contentType: string): boolean {
  return RASTER_IMAGES.has(contentType);
}

/** How much of a file the text rules read. */
const HEAD_BYTES = 8192;

/**
 * The type of the file at `path`, from its bytes alone: the name a browser sent is never asked.
 * Binary formats are recognized by `file-type` (magic numbers: PNG, JPEG, PDF, ZIP and Office
 * files…). It leaves text formats alone, so what it does not recognize (or calls XML) goes to
 * {@link textContentType}.
 */
export async function sniffContentType(path: string): Promise<string> {
  // file-type is an ES module and this server is CommonJS: import() loads it (require would not
  // on every Node version the server supports), once.
  const { fileTypeFromFile } = await import('file-type');
  const found = await fileTypeFromFile(path);
  if (found && found.mime !== 'application/xml') return found.mime;
  return textContentType(await readHead(path));
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(new Uint8Array(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * Tags that make text HTML when it starts with one: those the WHATWG MIME Sniffing standard's rule
 * for resources of unknown type looks for, followed by a space or `>`.
 */
const HTML_START = /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\s>]/i;

/**
 * The type of a file no binary signature matched, from its first bytes: SVG, HTML, XML, plain
 * UTF-8 text, or else `application/octet-stream`. Only naming matters here, not safety: none of
 * these is ever served inline.
 */
export function textContentType(head: Uint8Array): string {
  if (head.includes(0)) return 'application/octet-stream';
  let text: string;
  try {
    // `stream: true` keeps a character cut by the end of the head from counting as invalid.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return 'application/octet-stream';
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) {
    if (/<svg[\s>]/i.test(start)) return 'image/svg+xml';
    if (HTML_START.test(start)) return 'text/html';
    if (start.startsWith('<?xml')) return 'application/xml';
  }
  return 'text/plain; charset=utf-8';
}
