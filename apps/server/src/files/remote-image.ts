import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { AuthError } from '../auth/auth-error';
import type { AddressPolicy } from '../net/address-policy';
import { OutboundError, outboundRequest } from '../net/outbound-request';
import { sniffContentType } from './content-type';
import { cleanName, type ReceivedUpload } from './receive-upload';
import type { UploadSpool } from './upload-spool';

/** A fetched image in a spool file, with the type its bytes show. */
export interface FetchedImage extends ReceivedUpload {
  readonly contentType: string;
}

const tooLarge = (maxBytes: number) =>
  new AuthError(413, `The image is larger than this server takes (${maxBytes.toLocaleString('en')} bytes, MAX_UPLOAD_BYTES)`);

/**
 * Fetches the image at `url` (pasted into the editor) into a spool file through the
 * outbound-request guard, with the limits of an upload: at most `maxBytes` read (413 past it), the
 * type sniffed from the bytes, and only images kept. Anything else is a 422 in plain words: a
 * refused address, an answer that is not 200 (redirects included: they are not followed), a
 * network failure or timeout, or bytes that are not an image.
 */
export async function fetchRemoteImage(url: string, spool: UploadSpool, maxBytes: number, policy: AddressPolicy): Promise<FetchedImage> {
  await spool.ready();
  const path = spool.newPath();
  let bytes = 0;
  try {
    const response = await outboundRequest(url, { policy, maxResponseBytes: maxBytes, headers: { accept: 'image/*' } });
    if (response.status !== 200) {
      response.body.destroy();
      const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed: paste the address it leads to)' : '';
      throw new AuthError(422, `The image could not be fetched: its server answered ${response.status}${redirect}`);
    }
    const file = createWriteStream(path, { flags: 'wx', mode: 0o600, flush: true });
    await pipeline(response.body, file);
    bytes = file.bytesWritten;
    if (bytes === 0) throw new AuthError(422, 'The image could not be fetched: its server sent nothing');
    const contentType = await sniffContentType(path);
    if (!contentType.startsWith('image/')) throw new AuthError(422, `This address does not lead to an image (its content is ${contentType})`);
    return { path, bytes, name: nameOf(url), contentType };
  } catch (error) {
    await unlink(path).catch(() => undefined);
    if (error instanceof OutboundError) {
      if (error.failure === 'too-large') throw tooLarge(maxBytes);
      throw new AuthError(422, `The image could not be fetched: ${error.message}`);
    }
    throw error;
  }
}

/** The name a download of it gets: the last segment of the URL's path. */
function nameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // Kept as it was sent.
  }
  return cleanName(decoded || 'image');
}
