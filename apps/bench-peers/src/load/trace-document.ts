import type { ServerTarget } from '../server-kinds';
import { sleep } from './connect-all';
import { EMPTY_STATE_VECTOR, EMPTY_UPDATE, ProtocolSocket } from './protocol-socket';

/** A client that receives nothing but the sync reply, and keeps it. */
export class SyncOnlyClient {
  readonly socket: ProtocolSocket;
  received: Uint8Array | undefined;

  constructor(target: ServerTarget, documentId: string) {
    this.socket = new ProtocolSocket(target, documentId, {
      stateVector: () => EMPTY_STATE_VECTOR,
      answerStep1: () => EMPTY_UPDATE,
      onSyncStep2: (update) => {
        this.received = update;
      },
    });
  }

  connect(): Promise<number> {
    return this.socket.connect();
  }

  close(): Promise<void> {
    return this.socket.close();
  }
}

/**
 * Stores the whole editing-trace document on the server as one update (the state a client would
 * hold), through a client that stays connected: without a store extension Hocuspocus forgets a
 * document when its last client leaves, so every server is measured with the document held
 * open and loaded. Resolves once a fresh client receives it all; returns the holder.
 */
export async function storeTraceDocument(target: ServerTarget, documentId: string, state: Uint8Array): Promise<SyncOnlyClient> {
  const holder = new SyncOnlyClient(target, documentId);
  await holder.connect();
  holder.socket.send(holder.socket.codec.update(state));
  const deadline = performance.now() + 60_000;
  for (;;) {
    const checker = new SyncOnlyClient(target, documentId);
    await checker.connect();
    await checker.close();
    // The server re-encodes the same structs: its reply is as large as what was sent, give or take a few bytes.
    if ((checker.received?.length ?? 0) >= state.length * 0.99) return holder;
    if (performance.now() > deadline) throw new Error('the server did not hold the trace document within 60 s');
    await sleep(200);
  }
}
