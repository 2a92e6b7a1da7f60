import type { IncomingMessage } from 'node:http';
import { IMPORT_FIELD } from '@quire/api-contract';
import busboy from 'busboy';
import { AuthError } from '../auth/auth-error';
import { cleanName } from '../files/receive-upload';

/** An imported file, whole in memory (it is at most MAX_IMPORT_BYTES). */
export interface ReceivedImport {
  readonly bytes: Buffer;
  readonly name: string;
  readonly contentType: string;
}

const FRAMING_BYTES = 64 * 1024;

/**
 * The one file of a multipart/form-data import, in the field `file`, read with busboy up to
 * `maxBytes` (413 past it, before the rest is parsed). 400 without exactly one non-empty file.
 */
export function receiveImport(request: IncomingMessage, maxBytes: number): Promise<ReceivedImport> {
  const tooLarge = () => new AuthError(413, `The file is larger than this server imports (${maxBytes.toLocaleString('en')} bytes, MAX_IMPORT_BYTES)`);
  if (Number(request.headers['content-length']) > maxBytes + FRAMING_BYTES) return Promise.reject(tooLarge());
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 4096, parts: 21, headerPairs: 50 } });
  } catch (error) {
    return Promise.reject(new AuthError(400, `The multipart body cannot be read: ${(error as Error).message}`));
  }
  return new Promise<ReceivedImport>((resolve, reject) => {
    let settled = false;
    let received: ReceivedImport | undefined;
    let reading: Promise<void> | undefined;
    const fail = (error: AuthError) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      reject(error);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== IMPORT_FIELD) {
        stream.resume();
        return fail(new AuthError(400, `Send the file in the field "${IMPORT_FIELD}", not "${field}"`));
      }
      const chunks: Buffer[] = [];
      stream.on('limit', () => fail(tooLarge()));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      reading = new Promise((done) => stream.on('end', () => done()));
      void reading.then(() => {
        received = { bytes: Buffer.concat(chunks), name: cleanName(info.filename), contentType: info.mimeType };
      });
    });
    parser.on('filesLimit', () => fail(new AuthError(400, 'Send one file per request')));
    parser.on('error', (error: Error) => fail(new AuthError(400, `The multipart body cannot be read: ${error.message}`)));
    parser.on('close', () => {
      void (reading ?? Promise.resolve()).then(() => {
        if (!received) return fail(new AuthError(400, `No file in the field "${IMPORT_FIELD}"`));
        if (received.bytes.length === 0) return fail(new AuthError(400, 'The file is empty'));
        if (settled) return;
        settled = true;
        resolve(received);
      });
    });
    request.on('close', () => {
      if (!request.complete) fail(new AuthError(400, 'The upload was interrupted'));
    });
    request.pipe(parser);
  });
}
