import { StorageError } from './storage-error';

/**
 * An uploaded file's record: the bytes live in a blob store the server chooses (a folder, S3),
 * under the same id; the directory holds what decides who may read them.
 */
export interface NewStoredFile {
  readonly id: string;
  /** The document the file belongs to: whoever may read it may read the file. */
  readonly documentId: string;
  /** The account that uploaded it. */
  readonly uploaderId: string;
  /** The name it was uploaded under, for downloads; never trusted for its type. */
  readonly name: string;
  /** The type the server found in its bytes. */
  readonly contentType: string;
  readonly bytes: number;
}

export interface StoredFile {
  readonly id: string;
  /**
   * The document it belongs to, or null once nothing refers to it any more (the document was
   * deleted): its bytes are then removed, and then this record (`forgetUnreferencedFile`).
   */
  readonly documentId: string | null;
  /** Null once the account is gone. */
  readonly uploaderId: string | null;
  readonly name: string;
  readonly contentType: string;
  readonly bytes: number;
  readonly createdAt: Date;
}

/** A row as both SQL adapters select it. */
export interface FileRow {
  id: string;
  document_id: string | null;
  uploader_id: string | null;
  name: string;
  content_type: string;
  bytes: number | string;
  created_at: number | Date;
}

export function toStoredFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    documentId: row.document_id,
    uploaderId: row.uploader_id,
    name: row.name,
    contentType: row.content_type,
    bytes: Number(row.bytes),
    createdAt: new Date(row.created_at),
  };
}

/** Refuses a record the server could not serve: an empty id, name or type, or a size that is not a whole number. */
export function checkNewFile(file: NewStoredFile): NewStoredFile {
  for (const field of ['id', 'documentId', 'uploaderId', 'name', 'contentType'] as const) {
    if (typeof file[field] !== 'string' || file[field] === '') {
      throw new StorageError('invalid-argument', `A file needs a ${field}: pass a non-empty string`);
    }
  }
  if (!Number.isSafeInteger(file.bytes) || file.bytes < 0) {
    throw new StorageError('invalid-argument', `A file's bytes must be a whole number from 0, not ${String(file.bytes)}`);
  }
  return file;
}
