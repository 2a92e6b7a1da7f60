import type { Benchmark, BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { format } from '@quire/bench-support';
import { distribution, type Distribution } from '../stats';
import { STORE_LABELS, unavailableReason, type StoreKind } from '../stores';
import { INTERVAL_MS, READERS, RelayRig, type Segment } from './relay-rig';

// Memory first: it is the baseline the others are compared with.
// SQLite FULL twice: committing on the writer thread (the server's way) and on the event loop (before).
const STORES: readonly StoreKind[] = ['memory', 'sqlite-full', 'sqlite-full-inline', 'sqlite-normal', 'postgres'];

interface RelayRun {
  readonly store: string;
  readonly updates: number;
  readonly readers: number;
  /** Writer's send to a reader's receipt, every (update, reader) pair. */
  readonly latencyMs: Distribution;
  /**
   * From when the keystroke was due to a reader's receipt: adds the time a frame would wait while
   * the event loop is busy (in a server, unread in the socket), which `latencyMs` leaves out.
   */
  readonly latencyFromScheduleMs: Distribution;
  /** How late the writer sent against its 2 ms schedule: the event loop was busy (storing, relaying). */
  readonly sendLagMs: Distribution;
  readonly eventLoopDelayMs: { readonly p99: number; readonly max: number };
  readonly appendCalls: number;
  readonly appendedUpdates: number;
  readonly compactions: number;
  readonly groupCommitFactor: number;
  /** Per commit of appends (the storage's onCommit): from handing it over to durable. */
  readonly commitMs: Distribution | undefined;
  /** Per commit of appends: the time the event loop was blocked by it. */
  readonly blockedPerCommitMs: Distribution | undefined;
}

/**
 * The price of "stored before seen": one writer and ten readers on one document of an in-process
 * `DocumentHub`; the writer types a keystroke every 2 ms, and each reader timestamps each relayed
 * update as the hub hands it to its socket. Over `MemoryStorage` that is the hub's own cost;
 * over a durable store the difference is what waiting for the write adds. The stores take turns
 * in rounds, so that other work on the machine weighs on each of them alike.
 */
export const relayLatency: Benchmark = {
  name: 'relay-latency',
  title: 'Relay latency: writer send to reader receipt through DocumentHub (store before relay)',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const updates = context.quick ? 300 : 2_000;
    const rounds = context.quick ? 2 : 4;
    const warmup = context.quick ? 30 : 100;
    const perRound = Math.ceil(updates / rounds);

    // Discarded: the first measurement would pay for compiling the hub's code paths, and it is the baseline.
    const jitWarmup = await RelayRig.open('memory', context, warmup);
    if (jitWarmup) {
      await jitWarmup.measure(context.quick ? 100 : 500);
      await jitWarmup.close();
    }

    const rigs: RelayRig[] = [];
    const skipped: { what: string; reason: string }[] = [];
    const segments = new Map<RelayRig, Segment[]>();
    try {
      for (const kind of STORES) {
        const rig = await RelayRig.open(kind, context, warmup);
        // Commits of the warm-up are not measured.
        rig?.bench.commits.splice(0);
        if (rig) rigs.push(rig);
        else skipped.push({ what: STORE_LABELS[kind], reason: unavailableReason(context) });
      }
      for (let round = 0; round < rounds; round++) {
        for (const rig of rigs) segments.set(rig, [...(segments.get(rig) ?? []), await rig.measure(perRound)]);
      }
      for (const rig of rigs) rig.checkConverged();
    } finally {
      for (const rig of rigs) await rig.close();
    }

    const runs = rigs.map((rig) => summarize(rig, segments.get(rig) ?? []));
    const baseline = runs.find((run) => run.store === STORE_LABELS.memory);
    const added = (run: RelayRun, pick: (latency: Distribution) => number) =>
      baseline && run !== baseline ? format.deltaMs(pick(run.latencyMs) - pick(baseline.latencyMs)) : '–';
    return {
      summary: [
        ['setup', `1 writer + ${READERS} readers on one document, in-process hub, default compaction (500 updates / 4 MiB)`],
        ['updates', `${format.integer(perRound * rounds)} keystrokes per store, one every ${INTERVAL_MS} ms, in ${rounds} rounds taking turns between stores (after ${warmup} unmeasured)`],
        ['samples', `${format.integer(perRound * rounds * READERS)} per store (every update at every reader)`],
      ],
      table: {
        headers: ['store', 'p50 ms', 'p99 ms', 'max ms', 'added p50', 'added p99', 'appends', 'updates/append', 'loop delay p99', 'send lag p99', 'commit p50', 'commit p99', 'blocked/commit p50', 'blocked/commit p99'],
        rows: runs.map((run) => [
          run.store,
          format.ms(run.latencyMs.p50),
          format.ms(run.latencyMs.p99),
          format.ms(run.latencyMs.max),
          added(run, (latency) => latency.p50),
          added(run, (latency) => latency.p99),
          format.integer(run.appendCalls),
          format.ratio(run.groupCommitFactor),
          format.ms(run.eventLoopDelayMs.p99),
          format.ms(run.sendLagMs.p99),
          format.ms(run.commitMs?.p50 ?? Number.NaN),
          format.ms(run.commitMs?.p99 ?? Number.NaN),
          format.ms(run.blockedPerCommitMs?.p50 ?? Number.NaN),
          format.ms(run.blockedPerCommitMs?.p99 ?? Number.NaN),
        ]),
      },
      notes: [
        'added = the same percentile minus the memory baseline: what storing before relaying costs.',
        'appends / updates/append: store.append calls during the measured updates, and updates per call (group commit).',
        'loop delay: event-loop delay (perf_hooks) while measuring; SQLite committing on the event loop holds it during each write.',
        'send lag: how late the writer typed against its 2 ms schedule (updates due meanwhile go in a burst).',
        'commit / blocked/commit (ms): per commit of appends, from handing it to the database to durable, and the part of it the event loop was blocked (the storage\'s onCommit; the server exports both as histograms).',
        ...skipped.map((skip) => `${skip.what} skipped: ${skip.reason}`),
      ],
      skipped,
      data: { readers: READERS, intervalMs: INTERVAL_MS, updates: perRound * rounds, rounds, warmup, runs },
    };
  },
};

function summarize(rig: RelayRig, segments: readonly Segment[]): RelayRun {
  const pool = (pick: (segment: Segment) => Float64Array) => {
    const all: number[] = [];
    for (const segment of segments) all.push(...pick(segment));
    return all;
  };
  const counts = rig.store.counts;
  const commits = rig.bench.commits;
  const sendLag = pool((segment) => segment.sendLag);
  return {
    store: rig.bench.label,
    updates: sendLag.length,
    readers: READERS,
    latencyMs: distribution(pool((segment) => segment.latencies)),
    latencyFromScheduleMs: distribution(pool((segment) => segment.fromSchedule)),
    sendLagMs: distribution(sendLag),
    eventLoopDelayMs: rig.eventLoopDelayMs,
    appendCalls: counts.appendCalls,
    appendedUpdates: counts.appendedUpdates,
    compactions: counts.compactCalls,
    groupCommitFactor: counts.appendedUpdates / counts.appendCalls,
    commitMs: commits.length === 0 ? undefined : distribution(commits.map(({ latencySeconds }) => latencySeconds * 1000)),
    blockedPerCommitMs: commits.length === 0 ? undefined : distribution(commits.map(({ blockedSeconds }) => blockedSeconds * 1000)),
  };
}
