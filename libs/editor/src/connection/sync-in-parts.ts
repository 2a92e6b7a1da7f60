import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { nextTask as afterThisTask, type NextTask } from '../next-task';
import { cutUpdate, partsFor } from './update-parts';

/**
 * Makes `provider` apply a large sync step 2 (the document, when this page has little of it) in
 * parts, one task each (update-parts.ts), and only then count as synced; every other message is
 * handled as y-websocket does. The server sends the document in one message, as the protocol
 * says; the cost that held the page is applying it in one transaction. A part still running when
 * the socket changes stops there: the next connection's sync asks for what is missing.
 */
export function applyLargeSyncsInParts(provider: WebsocketProvider, nextTask: NextTask = afterThisTask): () => void {
  const handleSync = provider.messageHandlers[messageSync];
  if (!handleSync) return () => undefined;
  let cancelPart: (() => void) | null = null;
  provider.messageHandlers[messageSync] = (encoder, decoder, _provider, emitSynced, messageType) => {
    // Once synced, every message (each update typed by others) goes straight to y-websocket.
    if (provider.synced) return handleSync(encoder, decoder, provider, emitSynced, messageType);
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) !== messageYjsSyncStep2) return handleSync(encoder, decoder, provider, emitSynced, messageType);
    const update = decoding.readVarUint8Array(peek);
    const count = partsFor(update.length);
    let parts: (() => Uint8Array)[];
    try {
      parts = count > 1 ? cutUpdate(update, count) : [];
    } catch {
      parts = [];
    }
    // Small, or not cut (Yjs will say what is wrong with it): as y-websocket handles it.
    if (parts.length < 2) return handleSync(encoder, decoder, provider, emitSynced, messageType);
    // As y-websocket's handler starts its (here empty) reply, which is then not sent.
    encoding.writeVarUint(encoder, messageSync);
    const socket = provider.ws;
    let next = 0;
    const applyPart = () => {
      cancelPart = null;
      if (provider.ws !== socket) return;
      try {
        Y.applyUpdate(provider.doc, (parts[next++] as () => Uint8Array)(), provider);
      } catch (error) {
        // As y-protocols reports an update it cannot apply; the next sync asks for what is missing.
        console.error('Caught error while handling a Yjs update', error);
        return;
      }
      if (next < parts.length) {
        cancelPart = nextTask(applyPart);
      } else if (emitSynced && !provider.synced && provider.wsconnected) {
        provider.synced = true;
      }
    };
    // The message's own task only decodes the update: each part is encoded and applied in its own.
    cancelPart = nextTask(applyPart);
  };
  return () => {
    cancelPart?.();
    provider.messageHandlers[messageSync] = handleSync;
  };
}
