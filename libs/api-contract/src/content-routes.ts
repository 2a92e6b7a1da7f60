import type { ApiRoute } from './api-route';
import { CONTENT_BODY_TYPES, ContentPositionQuery, ContentQuery, ContentWritten, IMPORT_BODY_TYPES, IMPORT_FIELD, ImportedDocument } from './content';
import { ProseMirrorNode } from './versions';

const notVisible = 'no such document, or the caller is not a member (whether it exists is not revealed)';
const writeRefusals = {
  403: 'the caller may only view the document',
  404: notVisible,
  413: 'the body is larger than MAX_DOCUMENT_BYTES',
  415: 'the Content-Type is not text/markdown, text/html, text/plain or application/json',
  422: 'the content cannot be converted (JSON that is not a document of the schema, HTML nested too deep, a conversion past its time); the message says why',
} as const;

/** A document's content in and out, and imports (docs/api.md, "Content"), in its order. */
export const CONTENT_ROUTES: readonly ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/documents/:id/content',
    group: 'content',
    summary: 'The stored document’s content: ProseMirror JSON, Markdown, standalone HTML or plain text (by format, else Accept)',
    caller: 'signed-in',
    query: ContentQuery,
    status: 200,
    answer: ProseMirrorNode,
    formats: ['text/markdown', 'text/html', 'text/plain'],
    refusals: { 400: 'format is not markdown, html, text or json', 404: notVisible },
  },
  {
    method: 'PUT',
    path: '/api/documents/:id/content',
    group: 'content',
    summary: 'Replace the content, as one change everyone with the document open receives; answered once it is stored',
    caller: 'signed-in',
    rawBody: CONTENT_BODY_TYPES,
    status: 200,
    answer: ContentWritten,
    refusals: writeRefusals,
  },
  {
    method: 'POST',
    path: '/api/documents/:id/content',
    group: 'content',
    summary: 'Add content at the start or the end, as one change everyone with the document open receives',
    caller: 'signed-in',
    query: ContentPositionQuery,
    rawBody: CONTENT_BODY_TYPES,
    status: 200,
    answer: ContentWritten,
    refusals: { ...writeRefusals, 400: 'position is not start or end' },
  },
  {
    method: 'POST',
    path: '/api/documents/import',
    group: 'content',
    summary: 'A new document, owned by the caller, from a file: .md, .markdown, .txt, .html, .docx or ProseMirror JSON',
    caller: 'signed-in',
    upload: { field: IMPORT_FIELD },
    rawBody: IMPORT_BODY_TYPES,
    status: 201,
    answer: ImportedDocument,
    refusals: {
      400: `no file in the field "${IMPORT_FIELD}", an empty one, or more than one`,
      413: 'the file is larger than MAX_IMPORT_BYTES',
      415: 'neither multipart/form-data nor a type Quire imports',
      422: 'the file is not what it claims (a .docx that is not a zip, text that is not UTF-8, HTML nested too deep) or its conversion took too long; the message says why',
    },
  },
];
