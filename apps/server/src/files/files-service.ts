import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { RemoteFileBody, type UploadedFile } from '@quire/api-contract';
import { StorageError, type Directory, type StoredFile } from '@quire/storage';
import type { Logger } from 'pino';
import { AuthError, notFound } from '../auth/auth-error';
import type { DocumentsService } from '../auth/documents-service';
import type { FileTokens } from '../auth/file-tokens';
import { parseBody } from '../auth/parse-body';
import type { Principal } from '../auth/principal';
import type { AddressPolicy } from '../net/address-policy';
import type { BlobStore } from './blob-store';
import { sniffContentType } from './content-type';
import { receiveUpload, type ReceivedUpload } from './receive-upload';
import { fetchRemoteImage } from './remote-image';
import type { UploadSpool } from './upload-spool';

/** Unreferenced files removed per database round trip. */
const SWEEP_BATCH = 100;

/** A new file id: 22 base64url characters (128 bits), in the alphabet file URLs allow. */
export function newFileId(): string {
  return randomBytes(16).toString('base64url');
}

export interface FilesServiceOptions {
  readonly directory: Directory;
  readonly blobs: BlobStore;
  readonly documents: DocumentsService;
  readonly fileTokens: FileTokens;
  readonly spool: UploadSpool;
  readonly maxUploadBytes: number;
  /** Where images pasted by URL may be fetched from (REMOTE_FETCH_ALLOW_PRIVATE_NETWORKS). */
  readonly remoteFetchPolicy: AddressPolicy;
  readonly logger: Logger;
}

/**
 * Documents' files: uploads by editors, reads by whoever may read the document, and the removal of
 * files nothing refers to any more. Who may do what is decided here, from the directory, on every
 * request; the blob store only holds bytes.
 */
export class FilesService {
  private sweeping: Promise<number> = Promise.resolve(0);

  constructor(private readonly options: FilesServiceOptions) {}

  /**
   * Stores the file of a multipart request for a document the caller may edit. The role is checked
   * before a byte of the body is read, and again once all have arrived (access may have been removed
   * meanwhile); the type comes from the bytes.
   */
  async upload(principal: Principal, documentId: string, request: IncomingMessage): Promise<UploadedFile> {
    const { documents, spool, maxUploadBytes } = this.options;
    await documents.get(principal, documentId, 'editor');
    const received = await receiveUpload(request, spool, maxUploadBytes);
    try {
      return await this.keep(principal, documentId, received, await sniffContentType(received.path));
    } finally {
      // The blob store takes the spool file over; it is still here only if something failed first.
      await unlink(received.path).catch(() => undefined);
    }
  }

  /**
   * Fetches an image from a URL pasted into the editor (`POST /api/documents/:id/files/remote`)
   * through the outbound-request guard and stores it as an upload would be: the same roles, limit
   * and sniffing, and only images.
   */
  async fetchRemote(principal: Principal, documentId: string, body: unknown): Promise<UploadedFile> {
    const { documents, spool, maxUploadBytes, remoteFetchPolicy } = this.options;
    const { url } = parseBody(RemoteFileBody, body);
    await documents.get(principal, documentId, 'editor');
    const fetched = await fetchRemoteImage(url, spool, maxUploadBytes, remoteFetchPolicy);
    try {
      return await this.keep(principal, documentId, fetched, fetched.contentType);
    } finally {
      await unlink(fetched.path).catch(() => undefined);
    }
  }

  /** Stores a spooled file for a document the caller may still edit (access may have been removed while it arrived). */
  private async keep(principal: Principal, documentId: string, received: ReceivedUpload, contentType: string): Promise<UploadedFile> {
    const { directory, blobs, documents } = this.options;
    await documents.get(principal, documentId, 'editor');
    const id = newFileId();
    await blobs.put(id, received.path, received.bytes);
    try {
      await directory.addFile({ id, documentId, uploaderId: principal.user.id, name: received.name, contentType, bytes: received.bytes });
    } catch (error) {
      await blobs.remove(id).catch((reason: unknown) => this.options.logger.warn({ err: reason, fileId: id }, 'Could not remove the bytes of a file that was not recorded'));
      // Deleted while the bytes arrived.
      if (error instanceof StorageError && error.code === 'no-such-document') throw notFound();
      throw error;
    }
    this.options.logger.info({ fileId: id, documentId, userId: principal.user.id, contentType, bytes: received.bytes }, 'File uploaded');
    return { id, url: `/api/files/${id}`, contentType, bytes: received.bytes };
  }

  /**
   * The file, if the caller may read its document now: a member with a session or an API token, or
   * anyone with a file token from a guest ticket whose share link still works. 401 for nobody at
   * all (or a token that has expired); 404 for everyone else, as for documents: whether the file
   * exists is not revealed.
   */
  async readable(principal: Principal | undefined, fileId: string, access: string | undefined): Promise<StoredFile> {
    const { directory, fileTokens } = this.options;
    if (!principal && !access) throw new AuthError(401, 'Sign in first (or send an API token as "Authorization: Bearer qt_…")');
    const file = await directory.getFile(fileId);
    const documentId = file?.documentId;
    if (!file || !documentId) throw notFound('file');
    if (principal && (await directory.getRole(documentId, principal.user.id))) return file;
    const claim = access ? fileTokens.check(access, documentId) : undefined;
    if (claim) {
      if (claim.expired) throw new AuthError(401, 'This file link has expired: reload the page for a new one');
      const link = await directory.getLink(claim.linkId);
      if (link && !link.revokedAt && link.documentId === documentId) return file;
    }
    throw notFound('file');
  }

  /** The bytes of a file the caller may read; 404 (and an error in the log) when they are missing. */
  async open(file: StoredFile): Promise<Readable> {
    const stream = await this.options.blobs.open(file.id);
    if (stream) return stream;
    this.options.logger.error({ fileId: file.id, documentId: file.documentId }, `The bytes of file ${file.id} are missing from ${this.options.blobs.description}`);
    throw new AuthError(404, 'This file’s content is missing from the server’s storage');
  }

  /**
   * Removes every file nothing refers to any more (its document was deleted): the bytes first,
   * then the record, so that a crash between the two leaves the record to try again from. Passes
   * run one after another; one asked for while another runs starts after it, so it sees what
   * changed meanwhile. Resolves how many files it removed.
   */
  removeUnreferenced(): Promise<number> {
    this.sweeping = this.sweeping.catch(() => 0).then(() => this.sweep());
    return this.sweeping;
  }

  private async sweep(): Promise<number> {
    const { directory, blobs, logger } = this.options;
    let removed = 0;
    for (;;) {
      const batch = await directory.listUnreferencedFiles(SWEEP_BATCH);
      for (const file of batch) {
        await blobs.remove(file.id);
        if (await directory.forgetUnreferencedFile(file.id)) removed++;
      }
      if (batch.length < SWEEP_BATCH) break;
    }
    if (removed > 0) logger.info({ files: removed }, `Removed ${removed} files that nothing refers to any more`);
    return removed;
  }
}
