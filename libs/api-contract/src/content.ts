import { z } from 'zod';
import { DocumentView } from './documents';
import { Timestamp } from './fields';

/** The formats a document's content is read in (`GET /api/documents/:id/content?format=`). */
export const CONTENT_FORMATS = ['markdown', 'html', 'text', 'json'] as const;
export const ContentFormat = z.enum(CONTENT_FORMATS);
export type ContentFormat = z.infer<typeof ContentFormat>;

/** The media type each format answers in. */
export const CONTENT_MEDIA_TYPES: Readonly<Record<ContentFormat, string>> = {
  markdown: 'text/markdown',
  html: 'text/html',
  text: 'text/plain',
  json: 'application/json',
};

/** What `PUT` and `POST /api/documents/:id/content` take, by `Content-Type`. */
export const CONTENT_BODY_TYPES = ['text/markdown', 'text/html', 'text/plain', 'application/json'] as const;

/** What `POST /api/documents/import` takes besides multipart/form-data: a file's own bytes in its type. */
export const IMPORT_BODY_TYPES = [...CONTENT_BODY_TYPES, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;

/** The multipart field of an imported file (as for uploads). */
export const IMPORT_FIELD = 'file';

/** `GET /api/documents/:id/content`: the format, else the `Accept` header's, else JSON. */
export const ContentQuery = z.object({ format: ContentFormat.optional() }).strict();
export type ContentQuery = z.infer<typeof ContentQuery>;

/** `POST /api/documents/:id/content`: where the new content goes. */
export const ContentPositionQuery = z.object({ position: z.enum(['start', 'end']).default('end') }).strict();
export type ContentPositionQuery = z.infer<typeof ContentPositionQuery>;

/** A write's answer, once it is stored: when the document last changed. */
export const ContentWritten = z.object({ updatedAt: Timestamp });
export type ContentWritten = z.infer<typeof ContentWritten>;

/** `POST /api/documents/import`: the new document, and what the conversion changed (in plain words; empty when nothing did). */
export const ImportedDocument = DocumentView.extend({ changes: z.array(z.string()) });
export type ImportedDocument = z.infer<typeof ImportedDocument>;
