import { CONTENT_MEDIA_TYPES, IMPORT_FIELD, ImportedDocument, type ContentFormat } from '@quire/api-contract';
import { FILE_URL_PATTERN } from '@quire/editor-schema';
import { strToU8, zipSync } from 'fflate';
import { errorMessage, ServerRequestError, type ApiClient } from './client';
import { documentKeys } from './documents';
import { useApiMutation } from './use-api-mutation';

/** The files the documents page imports (docs/api.md, "Content"). */
export const IMPORT_ACCEPT = '.md,.markdown,.txt,.html,.htm,.docx,.json';

const IMPORT_REFUSALS: Record<number, string> = {
  413: 'This file is larger than the server imports.',
  415: 'Quire imports Markdown (.md), HTML, plain text (.txt), Word (.docx) and Quire JSON files.',
};

async function send(api: ApiClient, path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${api.serverUrl}${path}`, { credentials: 'include', cache: 'no-store', ...init });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ServerRequestError(`No answer from ${api.serverUrl}`, 'unreachable');
  }
  if (!response.ok) {
    const refusal: unknown = await response.json().catch(() => null);
    const fallback = IMPORT_REFUSALS[response.status] ?? `The server refused (${response.status}).`;
    throw new ServerRequestError(response.status === 413 ? fallback : errorMessage(refusal, fallback), 'http', response.status);
  }
  return response;
}

/** Makes a new document from a file (`POST /api/documents/import`): the document and what the conversion changed. */
export async function importFile(api: ApiClient, file: File): Promise<ImportedDocument> {
  const form = new FormData();
  form.append(IMPORT_FIELD, file, file.name);
  const response = await send(api, '/api/documents/import', { method: 'POST', headers: { accept: 'application/json' }, body: form });
  const parsed = ImportedDocument.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ServerRequestError('The server’s answer to the import is not what this page expects', 'invalid', response.status);
  return parsed.data;
}

/** Imports a file; the document lists are read again after. */
export function useImportFile() {
  return useApiMutation((api, file: File) => importFile(api, file), () => [documentKeys.lists]);
}

/** A document's content as the server exports it (`GET /api/documents/:id/content?format=`). */
export async function exportContent(api: ApiClient, documentId: string, format: Exclude<ContentFormat, 'json'>): Promise<string> {
  const response = await send(api, `/api/documents/${encodeURIComponent(documentId)}/content?format=${format}`, { headers: { accept: CONTENT_MEDIA_TYPES[format] } });
  return response.text();
}

/** What the Markdown export gives: a `.md` file, or a zip with the document's images beside it. */
export interface MarkdownExport {
  readonly blob: Blob;
  readonly extension: 'md' | 'zip';
  readonly images: number;
  /** Images that could not be fetched, left as links to the server. */
  readonly missing: number;
}

const IMAGE = /!\[([^\]]*)\]\((\/api\/files\/[A-Za-z0-9_-]+)((?:\s+"[^"]*")?)\)/g;
const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/svg+xml': 'svg' };

/**
 * The document as Markdown; when it shows images stored on this server, a zip holding
 * `document.md` and an `images/` folder, the Markdown pointing at the files there (images from
 * other web addresses stay links to them).
 */
export async function exportMarkdown(api: ApiClient, documentId: string): Promise<MarkdownExport> {
  const markdown = await exportContent(api, documentId, 'markdown');
  const sources = [...new Set([...markdown.matchAll(IMAGE)].map((match) => match[2]).filter((src) => FILE_URL_PATTERN.test(src)))];
  if (sources.length === 0) return { blob: new Blob([markdown], { type: 'text/markdown' }), extension: 'md', images: 0, missing: 0 };
  const files: Record<string, Uint8Array> = {};
  const local = new Map<string, string>();
  await Promise.all(
    sources.map(async (src) => {
      const response = await fetch(`${api.serverUrl}${src}`, { credentials: 'include' }).catch(() => null);
      if (!response?.ok) return;
      const name = `images/${src.split('/').pop()}.${EXTENSIONS[response.headers.get('content-type')?.split(';')[0] ?? ''] ?? 'bin'}`;
      files[name] = new Uint8Array(await response.arrayBuffer());
      local.set(src, name);
    }),
  );
  const rewritten = markdown.replace(IMAGE, (whole, alt: string, src: string, title: string) => (local.has(src) ? `![${alt}](${local.get(src)}${title})` : whole));
  files['document.md'] = strToU8(rewritten);
  const zip = zipSync(files);
  return { blob: new Blob([zip.buffer as ArrayBuffer], { type: 'application/zip' }), extension: 'zip', images: local.size, missing: sources.length - local.size };
}

/** Saves `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the object URL may go after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a document's title: what file systems accept, "document" without one. */
export function fileNameOf(title: string, extension: string): string {
  const base = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'document';
  return `${base}.${extension}`;
}
