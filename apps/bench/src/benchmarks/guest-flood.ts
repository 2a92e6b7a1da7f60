import { mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { format } from '@quire/bench-support';
import { setUpAccess } from '../access';
import { skippedReport, type Benchmark, type BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { distribution } from '../stats';
import { waitFor } from '../wait';
import { missingServerPrerequisite, Reader, startServer, Writer } from './cross-instance-rig';

const READERS = 10;
const INTERVAL_MS = 10;
/** Guest-ticket requests in flight at once during a flood: one script with a small pool of sockets. */
const FLOOD_CONCURRENCY = 16;

type Phase = 'quiet' | 'flood';

interface PhaseSamples {
  readonly latencies: number[];
  readonly statuses: Map<number, number>;
  requests: number;
  floodSeconds: number;
}

/**
 * Whether anyone on the internet can slow everyone's editing through the one route that needs no
 * account: a writer and 10 readers type into a document (real sockets, store before relay) in
 * segments that alternate between quiet and a flood of guest-ticket requests for one of its viewer
 * links from one address (16 in flight, as fast as the server answers). Guest tickets are limited
 * per address and per link (429 past the limit), so the flood should cost the relay little.
 * `QUIRE_BENCH_SERVER=<path to main.js>` measures another build (an older one, for a before/after).
 */
export const guestFlood: Benchmark = {
  name: 'guest-flood',
  title: 'Guest-ticket flood: relay latency while one address floods a viewer link with ticket requests',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const serverMain = process.env['QUIRE_BENCH_SERVER'] ?? resolve(context.repoRoot, 'apps/server/dist/main.js');
    const missing = missingServerPrerequisite(serverMain);
    if (missing) return skippedReport('guest-flood', missing, ['phase', 'p50 ms']);
    const segments = context.quick ? 2 : 6;
    const perSegment = context.quick ? 100 : 300;
    const warmup = context.quick ? 100 : 1_000;

    const server = await startServer(serverMain, {
      DATA_DIR: await mkdtemp(join(context.tempDir, 'guest-flood-')),
      // The benchmark's own clients type at machine speed from one address.
      MAX_MESSAGES_PER_SECOND: '1000000',
      CONNECT_BURST_PER_ADDRESS: '10000',
    });
    const writer = new Writer();
    const readers = Array.from({ length: READERS }, () => new Reader());
    try {
      const access = await setUpAccess(server.httpUrl, server.output);
      await access.createDocument('guest-flood');
      const link = await fetch(`${server.httpUrl}/api/documents/guest-flood/links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${access.token}` },
        body: JSON.stringify({ role: 'viewer' }),
      });
      if (link.status !== 201) throw new Error(`creating a viewer link answered ${link.status}`);
      const linkToken = ((await link.json()) as { token: string }).token;
      await writer.connect(access.socketUrl(server.wsUrl, 'guest-flood'));
      for (const reader of readers) await reader.connect(access.socketUrl(server.wsUrl, 'guest-flood'));

      const phases: Record<Phase, PhaseSamples> = {
        quiet: { latencies: [], statuses: new Map(), requests: 0, floodSeconds: 0 },
        flood: { latencies: [], statuses: new Map(), requests: 0, floodSeconds: 0 },
      };
      await type(writer, readers, warmup, undefined);
      for (let segment = 0; segment < segments * 2; segment++) {
        const phase: Phase = segment % 2 === 0 ? 'quiet' : 'flood';
        const flood = phase === 'flood' ? startFlood(server.httpUrl, linkToken, phases.flood) : undefined;
        await type(writer, readers, perSegment, phases[phase].latencies);
        await flood?.stop();
      }

      const rows = (['quiet', 'flood'] as const).map((phase) => {
        const samples = phases[phase];
        const latency = distribution(samples.latencies);
        const issued = samples.statuses.get(201) ?? 0;
        const refused = samples.statuses.get(429) ?? 0;
        const other = samples.requests - issued - refused;
        return {
          phase,
          latency,
          requests: samples.requests,
          requestsPerSecond: samples.floodSeconds > 0 ? samples.requests / samples.floodSeconds : 0,
          issued,
          refused,
          other,
        };
      });
      return {
        summary: [
          ['setup', `one server (SQLite, synchronous=FULL), 1 writer + ${READERS} readers on one document, a keystroke every ${INTERVAL_MS} ms`],
          ['segments', `${segments} quiet and ${segments} flood segments of ${perSegment} keystrokes, alternating (after ${warmup} unmeasured)`],
          ['flood', `POST /api/links/<viewer link>/tickets from one address, ${FLOOD_CONCURRENCY} in flight`],
          ['server', serverMain],
        ],
        table: {
          headers: ['phase', 'p50 ms', 'p99 ms', 'max ms', 'ticket requests', 'per second', 'issued (201)', 'refused (429)', 'other'],
          rows: rows.map((row) => [
            row.phase,
            format.ms(row.latency.p50),
            format.ms(row.latency.p99),
            format.ms(row.latency.max),
            format.integer(row.requests),
            row.requestsPerSecond.toFixed(0),
            format.integer(row.issued),
            format.integer(row.refused),
            format.integer(row.other),
          ]),
        },
        notes: ['latency: writer send to reader receipt on the benchmark’s clock (every update at every reader), including storing before relaying.'],
        skipped: [],
        data: { readers: READERS, intervalMs: INTERVAL_MS, segments, perSegment, warmup, floodConcurrency: FLOOD_CONCURRENCY, rows },
      };
    } finally {
      writer.close();
      for (const reader of readers) reader.close();
      await server.stop();
    }
  },
};

/** Types `count` keystrokes on schedule and waits until every reader has them; records latencies if given. */
async function type(writer: Writer, readers: readonly Reader[], count: number, latencies: number[] | undefined): Promise<void> {
  const first = writer.sentAt.length;
  await new Promise<void>((done) => {
    let typed = 0;
    const timer = setInterval(() => {
      writer.press();
      if (++typed === count) {
        clearInterval(timer);
        done();
      }
    }, INTERVAL_MS);
  });
  const last = writer.sentAt.length;
  const clock = writer.clocks[last - 1];
  await waitFor(() => readers.every((reader) => reader.receipts.clockOf(writer.doc.clientID) >= clock), `every reader to receive ${last} updates`);
  if (!latencies) return;
  for (const reader of readers) {
    // A frame may carry several keystrokes (the server merges what one turn relays): each gets its arrival.
    const receivedAt = reader.receipts.receiptTimes(writer.doc.clientID, writer.clocks);
    for (let index = first; index < last; index++) latencies.push(receivedAt[index] - writer.sentAt[index]);
  }
}

/** Keeps {@link FLOOD_CONCURRENCY} guest-ticket requests in flight until stopped; counts answers by status. */
function startFlood(httpUrl: string, linkToken: string, samples: PhaseSamples): { stop(): Promise<void> } {
  let stopped = false;
  const started = performance.now();
  const loop = async () => {
    while (!stopped) {
      const status = await fetch(`${httpUrl}/api/links/${linkToken}/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Flood' }),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          return response.status;
        },
        () => 0,
      );
      samples.requests++;
      samples.statuses.set(status, (samples.statuses.get(status) ?? 0) + 1);
    }
  };
  const loops = Array.from({ length: FLOOD_CONCURRENCY }, loop);
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      samples.floodSeconds += (performance.now() - started) / 1000;
    },
  };
}
