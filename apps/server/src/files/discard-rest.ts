import type { IncomingMessage } from 'node:http';

/** What is read and dropped of a refused upload's body, at most. */
export const DISCARD_BYTES = 1024 * 1024;
/** How long a client sending more than that is left to read the answer before the connection is cut. */
export const CUT_AFTER_MS = 1_000;
/** The longest a refused upload's connection is kept, whatever it sends. */
export const DISCARD_MS = 5_000;

/**
 * After an upload is refused before its body was all read (too large, not allowed): reads and
 * drops what the client is still sending, up to {@link DISCARD_BYTES}, then stops reading and cuts
 * the connection {@link CUT_AFTER_MS} later (or {@link DISCARD_MS} after the refusal at most).
 *
 * Left alone, Node would read all the rest to keep the connection alive, however large. Cut at
 * once (`Connection: close`), the connection resets under a client still writing, which then
 * loses the answer it had not read yet. So: a client with little left to send sends it and reads
 * the 413 (or 403) on a connection that stays usable; one sending far more is held by TCP's flow
 * control while the answer reaches it, then cut. Nothing read is kept.
 */
export function discardRest(request: IncomingMessage): void {
  let dropped = 0;
  const cut = () => request.socket.destroy();
  const deadline = setTimeout(cut, DISCARD_MS);
  deadline.unref();
  const onData = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped <= DISCARD_BYTES) return;
    request.off('data', onData);
    request.pause();
    setTimeout(cut, CUT_AFTER_MS).unref();
  };
  request.on('data', onData);
  request.once('close', () => clearTimeout(deadline));
  request.resume();
}
