import type { IncomingMessage } from 'node:http';
import { parse as parseDisposition } from 'content-disposition';
import { ContentFormat, ContentPositionQuery, ContentQuery, CONTENT_MEDIA_TYPES, type ContentWritten, type ImportedDocument } from '@quire/api-contract';
import type { DocumentHub } from '@quire/collab-core';
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { importFormatOf, toHtml, toMarkdown, toText, type ImportFormat } from '@quire/content';
import { schema } from '@quire/editor-schema';
import { contentOf, restoreChange } from '@quire/history';
import type { Directory, UpdateLog } from '@quire/storage';
import type { Node } from 'prosemirror-model';
import { prosemirrorToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { AuthError } from '../auth/auth-error';
import type { DocumentsService } from '../auth/documents-service';
import { parseBody } from '../auth/parse-body';
import type { Principal } from '../auth/principal';
import { toDocumentView } from '../documents/document-view';
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
}

/** A document's content in a format, with its media type. */
export interface ContentAnswer {
  readonly format: ContentFormat;
  readonly body: string | unknown;
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

  /** The stored content in the asked format (the `format` query, else the first known type of `Accept`, else JSON). */
  async read(principal: Principal, id: string, query: unknown, accept: string | undefined): Promise<ContentAnswer> {
    const { format } = parseBody(ContentQuery, query);
    const document = await this.options.documents.get(principal, id);
    const doc = await this.stored(id);
    const chosen = format ?? formatFromAccept(accept);
    switch (chosen) {
      case 'markdown':
        return { format: chosen, body: `${toMarkdown(doc)}\n` };
      case 'html':
        return { format: chosen, body: toHtml(doc, { title: document.title }) };
      case 'text':
        return { format: chosen, body: toText(doc) };
      case 'json':
        return { format: chosen, body: doc.toJSON() };
    }
  }

  /** Replaces the content (`position` undefined), or adds to its start or end. */
  async write(principal: Principal, id: string, request: IncomingMessage, query?: unknown): Promise<ContentWritten> {
    const position = query === undefined ? undefined : parseBody(ContentPositionQuery, query).position;
    await this.options.documents.get(principal, id, 'editor');
    const format = WRITE_FORMATS[mediaType(request)];
    if (!format) throw new AuthError(415, 'Send the content as text/markdown, text/html, text/plain or application/json (ProseMirror JSON of the Quire schema)');
    const bytes = await readBody(request, this.options.maxDocumentBytes, 'MAX_DOCUMENT_BYTES');
    const { json } = await this.options.pool.convert({ format, bytes });
    const given = schema.nodeFromJSON(json);
    await this.options.hub.applyServerChange(id, principal.user.id, (current) => {
      const target = position === undefined ? given : joined(contentOf(current, schema).doc, given, position);
      return restoreChange(current, target)?.update;
    });
    // After the change is stored: the document's updated-at time includes it.
    const document = await this.options.documents.get(principal, id);
    return { updatedAt: document.updatedAt.toISOString() };
  }

  /** A new document owned by the caller, from a multipart file or a raw body in its own type. */
  async import(principal: Principal, request: IncomingMessage): Promise<ImportedDocument> {
    const file = await this.receive(request);
    const format = importFormatOf(file.contentType, file.name);
    if (!format) throw new AuthError(415, 'Quire imports .md, .markdown, .txt, .html, .docx and ProseMirror JSON files');
    const converted = await this.options.pool.convert({ format, bytes: file.bytes, fileName: file.name });
    const doc = schema.nodeFromJSON(converted.json);
    const created = await this.options.directory.createOwnedDocument(this.options.newDocumentId(), principal.user.id, converted.title);
    const ydoc = prosemirrorToYDoc(doc, PROSEMIRROR_FRAGMENT);
    try {
      await this.options.log.append(created.id, [Y.encodeStateAsUpdate(ydoc)], { authors: [principal.user.id] });
    } finally {
      ydoc.destroy();
    }
    return { ...toDocumentView(await this.options.documents.get(principal, created.id)), changes: [...converted.changes] };
  }

  private async receive(request: IncomingMessage): Promise<ReceivedImport> {
    const type = mediaType(request);
    if (type === 'multipart/form-data') return receiveImport(request, this.options.maxImportBytes);
    if (!type) throw new AuthError(415, 'Send the file as multipart/form-data in the field "file", or as the body with its Content-Type');
    const bytes = await readBody(request, this.options.maxImportBytes, 'MAX_IMPORT_BYTES');
    if (bytes.length === 0) throw new AuthError(400, 'The file is empty');
    return { bytes, contentType: type, name: fileNameOf(request.headers['content-disposition']) };
  }

  /** The document as stored now, as the editor would show it. */
  private async stored(id: string): Promise<Node> {
    const stored = await this.options.log.load(id);
    const ydoc = new Y.Doc();
    try {
      ydoc.transact(() => {
        for (const update of stored.updates) Y.applyUpdate(ydoc, update);
      });
      return contentOf(ydoc, schema).doc;
    } finally {
      ydoc.destroy();
    }
  }
}

/** The document with `added`'s blocks before or after its own. */
function joined(existing: Node, added: Node, position: 'start' | 'end'): Node {
  const blocks = (doc: Node) => {
    const list: Node[] = [];
    // An empty document is one empty paragraph: adding to it replaces it.
    if (doc.childCount === 1 && doc.firstChild?.type.name === 'paragraph' && doc.firstChild.content.size === 0) return list;
    doc.forEach((node) => list.push(node));
    return list;
  };
  return schema.topNodeType.create(null, position === 'start' ? [...blocks(added), ...blocks(existing)] : [...blocks(existing), ...blocks(added)]);
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
