import type { DocumentInfo } from '@quire/storage';

/** A document as the HTTP API shows it. */
export interface DocumentView {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export function toDocumentView(info: DocumentInfo): DocumentView {
  return {
    id: info.id,
    title: info.title,
    createdAt: info.createdAt.toISOString(),
    updatedAt: info.updatedAt.toISOString(),
  };
}
