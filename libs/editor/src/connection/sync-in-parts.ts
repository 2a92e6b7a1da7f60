import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { nextTask as afterThisTask, type NextTask } from '../next-task';
import { updatePartsOffThePage } from '../update-work/update-work-client';
import { cutUpdate, partsFor } from './update-parts';

/**
 * Makes `provider` apply a large sync step 2 (the document, when this page has little of it) in
 * parts, one task each, and only then count as synced; every other message is handled as
 * y-websocket does. The server sends the document in one message, as the protocol says; what held
 * the page was decoding it and applying it in one transaction. The parts (update-parts.ts) are cut
 * in the update worker where the page has one (`cutOffThePage`, update-work-client.ts), so the
 * message's own task only copies the update out; without one, the message's task decodes it and
 * each part is encoded in the task that applies it. A part still running when the socket changes
 * stops there: the next connection's sync asks for what is missing.
 */
export function applyLargeSyncsInParts(
  provider: WebsocketProvider,
  nextTask: NextTask = afterThisTask,
  cutOffThePage: (update: Uint8Array) => Promise<Uint8Array[] | null> = updatePartsOffThePage,
): () => void {
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
    // Small: as y-websocket handles it.
    if (count < 2) return handleSync(encoder, decoder, provider, emitSynced, messageType);
    // As y-websocket's handler starts its (here empty) reply, which is then not sent.
    encoding.writeVarUint(encoder, messageSync);
    const message = decoding.clone(decoder);
    const socket = provider.ws;
    let stopped = false;
    const current = () => provider.ws === socket && !stopped;
    cancelPart = () => {
      stopped = true;
    };
    const markSynced = () => {
      if (emitSynced && !provider.synced && provider.wsconnected) provider.synced = true;
    };
    const applyParts = (parts: (() => Uint8Array)[]) => {
      let next = 0;
      const applyPart = () => {
        cancelPart = null;
        if (!current()) return;
        try {
          Y.applyUpdate(provider.doc, (parts[next++] as () => Uint8Array)(), provider);
        } catch (error) {
          // As y-protocols reports an update it cannot apply; the next sync asks for what is missing.
          console.error('Caught error while handling a Yjs update', error);
          return;
        }
        if (next < parts.length) cancelPart = nextTask(applyPart);
        else markSynced();
      };
      cancelPart = nextTask(applyPart);
    };
    // Not cut (Yjs will say what is wrong with it): as y-websocket handles it, now.
    const handleWhole = () => {
      if (!current()) return;
      try {
        handleSync(encoding.createEncoder(), message, provider, emitSynced, messageType);
      } catch (error) {
        console.error('Caught error while handling a Yjs update', error);
      }
    };
    cutOffThePage(update).then((cut) => {
      if (!current()) return;
      let parts: (() => Uint8Array)[];
      try {
        parts = cut ? cut.map((part) => () => part) : cutUpdate(update, count);
      } catch {
        return handleWhole();
      }
      applyParts(parts);
    }, handleWhole);
  };
  return () => {
    cancelPart?.();
    provider.messageHandlers[messageSync] = handleSync;
  };
}
