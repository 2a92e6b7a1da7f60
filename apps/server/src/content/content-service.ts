import type { IncomingMessage } from 'node:http';
import { parse as parseDisposition } from 'content-disposition';
import { ContentFormat, ContentPositionQuery, ContentQuery, CONTENT_MEDIA_TYPES, type ContentWritten, type ImportedDocument } from '@quire/api-contract';
import type { DocumentHub } from '@quire/collab-core';
import { importFormatOf, type ImportFormat } from '@quire/content/dispatch';
import type { Directory, UpdateLog } from '@quire/storage';
import * as Y from 'yjs';
import { AuthError } from '../auth/auth-error';
import type { DocumentsService } from '../auth/documents-service';
import { parseBody } from '../auth/parse-body';
import type { Principal } from '../auth/principal';
import { toDocumentView } from '../documents/document-view';
import type { FilesService } from '../files/files-service';
import { embedImages } from './embed-images';
import type { ConversionPool } from './conversion-pool';
import { mediaType, readBody } from './read-body';
import { receiveImport, type ReceivedImport } from './receive-import';
import { cleanName } from '../files/receive-upload';

/** What {@link ContentService} works with. */
export interface ContentServiceOptions {
  readonly documents: DocumentsService;
  readonly directory: Directory;
  readonly log: UpdateLog;
  readonly hub: DocumentHub;
  readonly pool: ConversionPool;
  readonly newDocumentId: () => string;
  /** A write's body past this is refused with 413 (`MAX_DOCUMENT_BYTES`). */
  readonly maxDocumentBytes: number;
  /** An imported file past this is refused with 413 (`MAX_IMPORT_BYTES`). */
  readonly maxImportBytes: number;
  /** The document's files, for the images an HTML export embeds. */
  readonly files: FilesService;
}

/** A document's content in a format, with its media type. */
export interface ContentAnswer {
  readonly format: ContentFormat;
  /** The content as text (JSON too: serialized in the worker). */
  readonly body: string;
}

/** The body formats a write takes, by media type. */
const WRITE_FORMATS: Record<string, ImportFormat> = { 'text/markdown': 'markdown', 'text/x-markdown': 'markdown', 'text/html': 'html', 'text/plain': 'text', 'application/json': 'json' };

/**
 * A document's content read and written by programs (docs/api.md, "Content"), and imports: reads
 * come from the store (everything committed), writes go through the hub as one server change
 * (stored before it is relayed, seen at once by everyone with the document open on any instance,
 * recorded with the caller as author), conversions run in the worker pool.
 */
export class ContentService {
  constructor(private readonly options: ContentServiceOptions) {}

  /** The stored content in the asked format (the `format` query, else the first known type of `Accept`, else JSON), converted in the worker pool. */
  async read(principal: Principal, id: string, query: unknown, accept: string | undefined): Promise<ContentAnswer> {
    const { format } = parseBody(ContentQuery, query);
    const document = await this.options.documents.get(principal, id);
    const stored = await this.options.log.load(id);
    const chosen = format ?? formatFromAccept(accept);
    const { body } = await this.options.pool.convert({ kind: 'export', format: chosen, updates: stored.updates, title: document.title });
    return { format: chosen, body: chosen === 'html' ? await embedImages(body, id, principal, this.options.files) : body };
  }

  /**
   * Replaces the content (`position` undefined), or adds to its start or end: the worker computes
   * the change against the document as it stands here, and the hub applies it as one server change
   * (stored, then relayed), made by the caller.
   */
  async write(principal: Principal, id: string, request: IncomingMessage, query?: unknown): Promise<ContentWritten> {
    const position = query === undefined ? undefined : parseBody(ContentPositionQuery, query).position;
    await this.options.documents.get(principal, id, 'editor');
    const format = WRITE_FORMATS[mediaType(request)];
    if (!format) throw new AuthError(415, 'Send the content as text/markdown, text/html, text/plain or application/json (ProseMirror JSON of the Quire schema)');
    const bytes = await readBody(request, this.options.maxDocumentBytes, 'MAX_DOCUMENT_BYTES');
    const state = await this.options.hub.readDocument(id, (doc) => Y.encodeStateAsUpdate(doc));
    const { update } = await this.options.pool.convert({ kind: 'write', format, bytes, state, ...(position ? { position } : {}) });
    // The live document holds everything `state` held (and maybe more): the update applies to it.
    if (update) await this.options.hub.applyServerChange(id, principal.user.id, () => update);
    // After the change is stored: the document's updated-at time includes it.
    const document = await this.options.documents.get(principal, id);
    return { updatedAt: document.updatedAt.toISOString() };
  }

  /** A new document owned by the caller, from a multipart file or a raw body in its own type. */
  async import(principal: Principal, request: IncomingMessage): Promise<ImportedDocument> {
    const file = await this.receive(request);
    const format = importFormatOf(file.contentType, file.name);
    if (!format) throw new AuthError(415, 'Quire imports .md, .markdown, .txt, .html, .docx and ProseMirror JSON files');
    const imported = await this.options.pool.convert({ kind: 'import', format, bytes: file.bytes, fileName: file.name });
    const created = await this.options.directory.createOwnedDocument(this.options.newDocumentId(), principal.user.id, imported.title);
    await this.options.log.append(created.id, [imported.update], { authors: [principal.user.id] });
    return { ...toDocumentView(await this.options.documents.get(principal, created.id)), changes: [...imported.changes] };
  }

  private async receive(request: IncomingMessage): Promise<ReceivedImport> {
    const type = mediaType(request);
    if (type === 'multipart/form-data') return receiveImport(request, this.options.maxImportBytes);
    if (!type) throw new AuthError(415, 'Send the file as multipart/form-data in the field "file", or as the body with its Content-Type');
    const bytes = await readBody(request, this.options.maxImportBytes, 'MAX_IMPORT_BYTES');
    if (bytes.length === 0) throw new AuthError(400, 'The file is empty');
    return { bytes, contentType: type, name: fileNameOf(request.headers['content-disposition']) };
  }
}

/** The file name a raw import states in `Content-Disposition: attachment; filename="notes.md"`, or ''. */
function fileNameOf(disposition: string | undefined): string {
  if (!disposition) return '';
  try {
    return cleanName(parseDisposition(disposition).parameters['filename']);
  } catch {
    return '';
  }
}

const ACCEPTED: readonly [string, ContentFormat][] = Object.entries(CONTENT_MEDIA_TYPES).map(([format, type]) => [type, format as ContentFormat]);

/** The first media type of `Accept` that is a content format (quality values are not weighed); JSON otherwise. */
export function formatFromAccept(accept: string | undefined): ContentFormat {
  for (const part of (accept ?? '').split(',')) {
    const type = part.split(';')[0].trim().toLowerCase();
    const found = ACCEPTED.find(([candidate]) => candidate === type);
    if (found) return found[1];
  }
  return 'json';
}
