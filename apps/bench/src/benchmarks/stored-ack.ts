import { Typist, format } from '@quire/bench-support';
import { FakeSocket } from '@quire/collab-core/testing';
import { decodeMessage, encodeSyncStep1, encodeUpdate, messageStored } from '@quire/protocol';
import * as Y from 'yjs';
import type { Benchmark, BenchmarkReport } from '../benchmark';
import { benchHub } from '../bench-hub';
import { CommitTimingStore } from '../commit-timing-store';
import type { BenchContext } from '../context';
import { distribution, type Distribution } from '../stats';
import { openStore, STORE_LABELS, unavailableReason, type StoreKind } from '../stores';
import { nextTurn, waitFor } from '../wait';

const STORES: readonly StoreKind[] = ['memory', 'sqlite-full', 'postgres'];
const DOCUMENT = 'stored-ack';
/** One keystroke every 2 ms, as relay-latency types. */
const INTERVAL_MS = 2;

interface AckRun {
  readonly store: string;
  readonly keystrokes: number;
  readonly acknowledgements: number;
  readonly appends: number;
  /** From an append resolving to the acknowledgement handed to the socket. */
  readonly commitToAckMs: Distribution;
  /** From a keystroke sent to the acknowledgement covering it: how long the page says "Saving…". */
  readonly keystrokeToAckMs: Distribution;
}

/**
 * What a stored acknowledgement costs and how soon it comes: one writer that asked for them
 * (`acknowledge`, the server's `?ack=1`) types a keystroke every 2 ms into an in-process hub; the
 * store notes when each append resolves, the socket when each acknowledgement is handed to it.
 */
export const storedAck: Benchmark = {
  name: 'stored-ack',
  title: 'Stored acknowledgements: commit to acknowledgement, and keystroke to acknowledgement',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const keystrokes = context.quick ? 300 : 2_000;
    const runs: AckRun[] = [];
    const skipped: { what: string; reason: string }[] = [];
    // Discarded: the first run pays for compiling the hub's code paths.
    await measure('memory', context, 200);
    for (const kind of STORES) {
      const run = await measure(kind, context, keystrokes);
      if (run) runs.push(run);
      else skipped.push({ what: STORE_LABELS[kind], reason: unavailableReason(context) });
    }
    return {
      summary: [
        ['setup', '1 writer asking for acknowledgements, in-process hub, default compaction'],
        ['keystrokes', `${format.integer(keystrokes)} per store, one every ${INTERVAL_MS} ms`],
      ],
      table: {
        headers: ['store', 'commit→ack p50', 'commit→ack p99', 'commit→ack max', 'keystroke→ack p50', 'keystroke→ack p99', 'appends', 'acks'],
        rows: runs.map((run) => [
          run.store,
          format.ms(run.commitToAckMs.p50),
          format.ms(run.commitToAckMs.p99),
          format.ms(run.commitToAckMs.max),
          format.ms(run.keystrokeToAckMs.p50),
          format.ms(run.keystrokeToAckMs.p99),
          format.integer(run.appends),
          format.integer(run.acknowledgements),
        ]),
      },
      notes: [
        'commit→ack: from store.append resolving to the acknowledgement handed to the socket (the hub sends it in the commit callback).',
        'keystroke→ack: from a keystroke sent to the first acknowledgement whose frame count covers it: how long "Saving…" shows.',
        ...skipped.map((skip) => `${skip.what} skipped: ${skip.reason}`),
      ],
      skipped,
      data: { intervalMs: INTERVAL_MS, keystrokes, runs },
    };
  },
};

async function measure(kind: StoreKind, context: BenchContext, keystrokes: number): Promise<AckRun | undefined> {
  const bench = await openStore(kind, context, 'stored-ack');
  if (!bench) return undefined;
  await bench.createDocument(DOCUMENT);
  const store = new CommitTimingStore(bench.log);
  const hub = benchHub(store);
  const doc = new Y.Doc();
  const socket = new FakeSocket();
  const acks: { at: number; through: number }[] = [];
  socket.onSend = (frame) => {
    if (frame[0] !== messageStored) return;
    const message = decodeMessage(frame);
    if (message.type === 'stored') acks.push({ at: performance.now(), through: message.through });
  };
  const sentAt: number[] = [];
  try {
    hub.handleConnection(socket, {
      documentId: DOCUMENT,
      connectionId: 'writer',
      access: { user: { id: 'writer', name: 'Writer' }, readOnly: false },
      acknowledge: true,
    });
    socket.deliver(encodeSyncStep1(Y.encodeStateVector(doc)));
    await hub.flush();
    const commitsBefore = store.committedAt.length;
    const acksBefore = acks.length;
    doc.on('update', (update: Uint8Array) => {
      sentAt.push(performance.now());
      socket.deliver(encodeUpdate(update));
    });
    const typist = new Typist(doc);
    const start = performance.now();
    let typed = 0;
    while (typed < keystrokes) {
      await nextTurn();
      const now = performance.now();
      while (typed < keystrokes && now >= start + typed * INTERVAL_MS) {
        typist.press();
        typed += 1;
      }
    }
    // Frame numbers: the sync step 2 was never sent here, so keystroke i is frame i + 1.
    await waitFor(() => (acks.at(-1)?.through ?? 0) >= keystrokes, 'every keystroke acknowledged');
    await hub.flush();
    const commits = store.committedAt.slice(commitsBefore);
    const measured = acks.slice(acksBefore);
    const commitToAck: number[] = [];
    let commit = 0;
    for (const ack of measured) {
      while (commit + 1 < commits.length && (commits[commit + 1] ?? Infinity) <= ack.at) commit += 1;
      commitToAck.push(ack.at - (commits[commit] ?? ack.at));
    }
    const keystrokeToAck: number[] = [];
    let ackIndex = 0;
    for (const [index, sent] of sentAt.entries()) {
      while ((measured[ackIndex]?.through ?? Infinity) < index + 1) ackIndex += 1;
      keystrokeToAck.push((measured[ackIndex]?.at ?? Number.NaN) - sent);
    }
    return {
      store: bench.label,
      keystrokes,
      acknowledgements: measured.length,
      appends: commits.length,
      commitToAckMs: distribution(commitToAck),
      keystrokeToAckMs: distribution(keystrokeToAck),
    };
  } finally {
    await hub.close();
    doc.destroy();
    await bench.dispose();
  }
}
