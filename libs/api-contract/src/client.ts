import type { z } from 'zod';
import { ContentWritten, ImportedDocument, type ContentFormat } from './content';
import { DocumentLists, DocumentView, ListedDocumentView } from './documents';
import { ErrorBody } from './errors';
import { RecentList, StarredList, TrashList } from './organizing';
import { DocumentPage, type ListPageQuery } from './pages';
import { ProseMirrorNode } from './versions';

/** A refusal from the server: its status and the `message` it gave (docs/api.md, errors as `{ statusCode, message }`). */
export class QuireApiError extends Error {
  override readonly name = 'QuireApiError';

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a write can send: Markdown, HTML or plain text as a string with its type, or a ProseMirror document. */
export type ContentBody = { readonly markdown: string } | { readonly html: string } | { readonly text: string } | { readonly json: ProseMirrorNode };

/** A file to import: its bytes (or text) and its name (its extension says what it is). */
export interface ImportFile {
  readonly name: string;
  readonly data: string | Uint8Array | Blob;
  readonly type?: string;
}

/** A typed client for scripts: each answer parsed with the contract's schemas (see the README, "Scripts"). */
export interface QuireClient {
  /** Every document the caller may read, in one answer. */
  listDocuments(): Promise<DocumentLists>;
  /**
   * A page of the documents the caller owns, most recently changed first: `limit` (1–100, default
   * 50) after `cursor`, the previous page's `nextCursor` (null on the last page). So are the four below.
   */
  listOwnedDocuments(page?: ListPageQuery): Promise<DocumentPage>;
  /** A page of the documents shared with the caller, directly or through a folder. */
  listSharedDocuments(page?: ListPageQuery): Promise<DocumentPage>;
  /** A page of the documents the caller opened, most recently opened first. */
  listRecentDocuments(page?: ListPageQuery): Promise<RecentList>;
  /** A page of the caller's starred documents, most recently starred first. */
  listStarredDocuments(page?: ListPageQuery): Promise<StarredList>;
  /** A page of the caller's trashed documents, most recently trashed first. */
  listTrash(page?: ListPageQuery): Promise<TrashList>;
  createDocument(options?: { title?: string; id?: string }): Promise<DocumentView>;
  getDocument(id: string): Promise<ListedDocumentView>;
  /** The stored content as ProseMirror JSON. */
  getContent(id: string): Promise<ProseMirrorNode>;
  getContent(id: string, format: Exclude<ContentFormat, 'json'>): Promise<string>;
  /** Replaces the whole content, as one change everyone with the document open sees at once. */
  putContent(id: string, body: ContentBody): Promise<ContentWritten>;
  /** Adds content at the end (or the start). */
  addContent(id: string, body: ContentBody, position?: 'start' | 'end'): Promise<ContentWritten>;
  /** A new document from a file (.md, .html, .txt, .docx, .json), and what the conversion changed. */
  importFile(file: ImportFile): Promise<ImportedDocument>;
}

const BODY_TYPES = { markdown: 'text/markdown', html: 'text/html', text: 'text/plain', json: 'application/json' } as const;

function encodeBody(body: ContentBody): { type: string; data: string } {
  if ('markdown' in body) return { type: BODY_TYPES.markdown, data: body.markdown };
  if ('html' in body) return { type: BODY_TYPES.html, data: body.html };
  if ('text' in body) return { type: BODY_TYPES.text, data: body.text };
  return { type: BODY_TYPES.json, data: JSON.stringify(body.json) };
}

/**
 * A client of a Quire server for scripts (Node 18+, Deno, browsers: it needs only `fetch`), with an
 * API token (`qt_…`, made on the account page or with `POST /api/tokens`). Every answer is checked
 * against the contract's schemas; a refusal throws a {@link QuireApiError} with the server's message.
 */
export function createQuireClient(baseUrl: string, token: string, options: { fetch?: typeof fetch } = {}): QuireClient {
  const doFetch = options.fetch ?? fetch;
  const root = baseUrl.replace(/\/+$/, '');

  async function call(method: string, path: string, init: { body?: RequestInit["body"]; type?: string; accept?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (init.type) headers['content-type'] = init.type;
    if (init.accept) headers['accept'] = init.accept;
    const response = await doFetch(`${root}${path}`, { method, headers, body: init.body });
    if (!response.ok) {
      const text = await response.text();
      let message = text || response.statusText;
      try {
        message = ErrorBody.parse(JSON.parse(text)).message;
      } catch {
        // Not the API's error shape (a proxy's page): keep the text.
      }
      throw new QuireApiError(response.status, message);
    }
    return response;
  }

  async function json<T extends z.ZodTypeAny>(schema: T, method: string, path: string, init?: { body?: RequestInit["body"]; type?: string }): Promise<z.infer<T>> {
    return schema.parse(await (await call(method, path, init)).json());
  }

  const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
  /** `path` with a page's `limit` and `cursor`, those given. */
  const pagePath = (path: string, page: ListPageQuery = {}) => {
    const query = new URLSearchParams();
    if (page.limit !== undefined) query.set('limit', String(page.limit));
    if (page.cursor !== undefined) query.set('cursor', page.cursor);
    const search = query.toString();
    return search ? `${path}?${search}` : path;
  };

  return {
    listDocuments: () => json(DocumentLists, 'GET', '/api/documents'),
    createDocument: (body = {}) => json(DocumentView, 'POST', '/api/documents', { body: JSON.stringify(body), type: 'application/json' }),
    listOwnedDocuments: (page) => json(DocumentPage, 'GET', pagePath('/api/documents/owned', page)),
    listSharedDocuments: (page) => json(DocumentPage, 'GET', pagePath('/api/documents/shared', page)),
    listRecentDocuments: (page) => json(RecentList, 'GET', pagePath('/api/documents/recent', page)),
    listStarredDocuments: (page) => json(StarredList, 'GET', pagePath('/api/documents/starred', page)),
    listTrash: (page) => json(TrashList, 'GET', pagePath('/api/trash', page)),
    getDocument: (id) => json(ListedDocumentView, 'GET', documentPath(id)),
    getContent: (async (id: string, format: ContentFormat = 'json') => {
      if (format === 'json') return json(ProseMirrorNode, 'GET', `${documentPath(id)}/content?format=json`);
      return (await call('GET', `${documentPath(id)}/content?format=${format}`)).text();
    }) as QuireClient['getContent'],
    putContent: (id, body) => {
      const { type, data } = encodeBody(body);
      return json(ContentWritten, 'PUT', `${documentPath(id)}/content`, { body: data, type });
    },
    addContent: (id, body, position = 'end') => {
      const { type, data } = encodeBody(body);
      return json(ContentWritten, 'POST', `${documentPath(id)}/content?position=${position}`, { body: data, type });
    },
    importFile: (file) => {
      const form = new FormData();
      const blob = file.data instanceof Blob ? file.data : new Blob([file.data as Uint8Array<ArrayBuffer> | string], { type: file.type ?? 'application/octet-stream' });
      form.append('file', blob, file.name);
      return json(ImportedDocument, 'POST', '/api/documents/import', { body: form });
    },
  };
}
