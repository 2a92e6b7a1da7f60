import type { IncomingMessage } from 'node:http';
import { AuthError } from '../auth/auth-error';

/**
 * A request's whole body, at most `maxBytes` (413 past it, checked against Content-Length before
 * a byte is read, then as bytes arrive). The caller cuts the rest of a refused body (`discardRest`).
 */
export async function readBody(request: IncomingMessage, maxBytes: number, limitName: string): Promise<Buffer> {
  const tooLarge = () => new AuthError(413, `The body is larger than this server takes (${maxBytes.toLocaleString('en')} bytes, ${limitName})`);
  if (Number(request.headers['content-length']) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

/** A request's media type, lower case, without parameters ('' without one). */
export function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}
