/**
 * A WebSocket class that reports each sync step 2 and update frame it sends (bytes `0 1 …` and
 * `0 2 …`), and each new socket, for stored acknowledgements: the server numbers exactly these
 * frames. Given to y-websocket as its `WebSocketPolyfill`, so the stock provider is unchanged.
 */
export function countingSocketClass(
  Base: typeof WebSocket,
  events: { readonly opened: () => void; readonly sent: (kind: 'sync-step-2' | 'update') => void },
): typeof WebSocket {
  return class CountingWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      events.opened();
    }

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : undefined;
      super.send(data);
      if (bytes && bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2)) events.sent(bytes[1] === 1 ? 'sync-step-2' : 'update');
    }
  };
}
