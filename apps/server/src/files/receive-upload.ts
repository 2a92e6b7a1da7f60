import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import type { Readable, Writable } from 'node:stream';
import { UPLOAD_FIELD } from '@quire/api-contract';
import busboy from 'busboy';
import { AuthError } from '../auth/auth-error';
import type { UploadSpool } from './upload-spool';

/** An upload whose bytes are all in a spool file. */
export interface ReceivedUpload {
  readonly path: string;
  readonly bytes: number;
  /** The name it was sent under, cleaned for a download header (never trusted for its type). */
  readonly name: string;
}

/**
 * Room the multipart framing takes besides the file (boundaries, part headers): a request whose
 * Content-Length passes the limit by more is refused before one byte is read.
 */
const FRAMING_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number) =>
  new AuthError(413, `The file is larger than this server takes (${maxBytes.toLocaleString('en')} bytes, MAX_UPLOAD_BYTES)`);

/**
 * Reads a multipart/form-data request with one file in the field `file` into a spool file, with
 * busboy (a streaming parser: the file never sits in memory). Stops reading at `maxBytes`: the
 * part past the limit is not parsed, and the caller decides what becomes of the rest (413;
 * `discardRest`). Rejects with an AuthError the API can answer (400, 413, 415), the spool file
 * removed.
 */
export async function receiveUpload(request: IncomingMessage, spool: UploadSpool, maxBytes: number): Promise<ReceivedUpload> {
  if (!/^multipart\/form-data\s*;/i.test(request.headers['content-type'] ?? '')) {
    throw new AuthError(415, `Send the file as multipart/form-data, in the field "${UPLOAD_FIELD}"`);
  }
  if (Number(request.headers['content-length']) > maxBytes + FRAMING_BYTES) throw tooLarge(maxBytes);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      // busboy says 'limit' once a file reaches `fileSize`, not past it: one byte more lets a file of
      // exactly `maxBytes` through.
      limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 4096, parts: 21, headerPairs: 50 },
    });
  } catch (error) {
    throw new AuthError(400, `The multipart body cannot be read: ${(error as Error).message}`);
  }
  // Ready before the first byte is parsed: the file's part is then piped to disk as it arrives,
  // with nothing asynchronous in between for it to pile up (or be lost) in.
  await spool.ready();
  return new Promise<ReceivedUpload>((resolve, reject) => {
    let settled = false;
    let written: Promise<ReceivedUpload> | undefined;
    let file: Readable | undefined;
    let out: Writable | undefined;
    let path: string | undefined;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Read nothing more: the rest of the body may be gigabytes. The spool file is closed
      // unfinished; busboy and its file stream, fed no more, are left to the garbage collector.
      request.unpipe(parser);
      if (file && out) file.unpipe(out);
      out?.destroy();
      const stopped = written ? written.then(() => undefined, () => undefined) : Promise.resolve();
      void stopped
        .then(async () => {
          if (path) await unlink(path).catch(() => undefined);
        })
        .then(() => reject(error));
    };

    parser.on('file', (field, stream, info) => {
      if (field !== UPLOAD_FIELD) {
        stream.resume();
        return fail(new AuthError(400, `Send the file in the field "${UPLOAD_FIELD}", not "${field}"`));
      }
      file = stream;
      stream.on('limit', () => fail(tooLarge(maxBytes)));
      const spooled = spool.newPath();
      path = spooled;
      const spoolFile = createWriteStream(spooled, { flags: 'wx', mode: 0o600, flush: true });
      out = spoolFile;
      // Settles once the spool file is closed: with all the bytes on disk (flushed), or not.
      written = new Promise<ReceivedUpload>((resolveWrite, rejectWrite) => {
        let finished = false;
        spoolFile.once('finish', () => (finished = true));
        spoolFile.once('error', rejectWrite);
        stream.once('error', rejectWrite);
        spoolFile.once('close', () =>
          finished ? resolveWrite({ path: spooled, bytes: spoolFile.bytesWritten, name: cleanName(info.filename) }) : rejectWrite(new Error('The spool file was closed early')),
        );
      });
      written.catch(fail);
      stream.pipe(spoolFile);
    });
    parser.on('filesLimit', () => fail(new AuthError(400, 'Send one file per request')));
    parser.on('error', (error: Error) => fail(new AuthError(400, `The multipart body cannot be read: ${error.message}`)));
    parser.on('close', () => {
      if (!written) return fail(new AuthError(400, `No file in the field "${UPLOAD_FIELD}"`));
      written.then((upload) => {
        if (upload.bytes === 0) return fail(new AuthError(400, 'The file is empty'));
        if (settled) return;
        settled = true;
        resolve(upload);
      }, fail);
    });
    request.on('close', () => {
      if (!request.complete) fail(new AuthError(400, 'The upload was interrupted'));
    });
    request.pipe(parser);
  });
}

/**
 * The file name for `Content-Disposition`: its last path segment (old browsers sent
 * `C:\fakepath\…`), without control or text-direction characters, at most 200 characters;
 * `file` when nothing is left.
 */
export function cleanName(name: string | undefined): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '').trim();
  return Array.from(clean).slice(0, 200).join('') || 'file';
}
