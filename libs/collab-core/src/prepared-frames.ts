import type { PreparedFrame, WebSocketLike } from './websocket-like';

/**
 * What one fan-out writes, framed by the transport once (by whichever socket asks first) and
 * then written as the same bytes to every recipient: one prepared write per distinct pair of
 * messages (in a turn, most recipients get the same update and awareness frames; a writer gets
 * the others' updates only). Lives for one flush.
 */
export class PreparedFrames {
  private readonly prepared = new Map<Uint8Array | undefined, Map<Uint8Array | undefined, PreparedFrame>>();

  /** `first` then `second` as one write of `socket`'s transport, or undefined if that transport prepares nothing. */
  for(socket: WebSocketLike, first: Uint8Array | undefined, second: Uint8Array | undefined): PreparedFrame | undefined {
    if (!socket.prepareFrames || !socket.sendPrepared) return undefined;
    let afterFirst = this.prepared.get(first);
    if (!afterFirst) {
      afterFirst = new Map();
      this.prepared.set(first, afterFirst);
    }
    let frame = afterFirst.get(second);
    if (!frame) {
      frame = socket.prepareFrames([first, second].filter((message) => message !== undefined));
      afterFirst.set(second, frame);
    }
    return frame;
  }
}
