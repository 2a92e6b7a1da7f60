import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import { nextTask as afterThisTask, type NextTask } from '../next-task';
import { updatePartsOffThePage } from '../update-work/update-work-client';
import { applyUpdatesInParts } from './apply-in-parts';
import { partsFor } from './update-parts';

/**
 * Makes `provider` apply a large sync step 2 (the document, when this page has little of it) in
 * parts, one task each (apply-in-parts.ts), and only then count as synced; every other message is
 * handled as y-websocket does. The server sends the document in one message, as the protocol
 * says; what held the page was decoding it and applying it in one transaction. The parts are cut
 * in the update worker where the page has one (update-work-client.ts), so the message's own task
 * only copies the update out; without one, the message's task decodes it and each part is encoded
 * in the task that applies it. Applying stops when the socket changes: the next connection's sync
 * asks for what is missing. An update Yjs cannot apply is reported as y-protocols reports it, and
 * the page counts as synced as y-websocket counts it.
 */
export function applyLargeSyncsInParts(
  provider: WebsocketProvider,
  nextTask: NextTask = afterThisTask,
  cutOffThePage: (update: Uint8Array) => Promise<Uint8Array[] | null> = updatePartsOffThePage,
): () => void {
  const handleSync = provider.messageHandlers[messageSync];
  if (!handleSync) return () => undefined;
  let stopCurrent: () => void = () => undefined;
  provider.messageHandlers[messageSync] = (encoder, decoder, _provider, emitSynced, messageType) => {
    // Once synced, every message (each update typed by others) goes straight to y-websocket.
    if (provider.synced) return handleSync(encoder, decoder, provider, emitSynced, messageType);
    const peek = decoding.clone(decoder);
    if (decoding.readVarUint(peek) !== messageYjsSyncStep2) return handleSync(encoder, decoder, provider, emitSynced, messageType);
    const update = decoding.readVarUint8Array(peek);
    // Small: as y-websocket handles it.
    if (partsFor(update.length) < 2) return handleSync(encoder, decoder, provider, emitSynced, messageType);
    // As y-websocket's handler starts its (here empty) reply, which is then not sent.
    encoding.writeVarUint(encoder, messageSync);
    const socket = provider.ws;
    let stopped = false;
    stopCurrent = () => {
      stopped = true;
    };
    const stop = () => stopped || provider.ws !== socket;
    const markSynced = () => {
      if (emitSynced && !provider.synced && provider.wsconnected) provider.synced = true;
    };
    void cutOffThePage(update)
      // Without the worker's parts, the whole update: applyUpdatesInParts cuts it here.
      .then((parts) => applyUpdatesInParts(provider.doc, parts ?? [update], provider, stop, nextTask))
      .then(
        (applied) => {
          if (applied) markSynced();
        },
        (error: unknown) => {
          console.error('Caught error while handling a Yjs update', error);
          if (!stop()) markSynced();
        },
      );
  };
  return () => {
    stopCurrent();
    provider.messageHandlers[messageSync] = handleSync;
  };
}
