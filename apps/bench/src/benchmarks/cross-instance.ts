import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PROSEMIRROR_FRAGMENT } from '@quire/constants';
import { setUpAccess } from '../access';
import { skippedReport, type Benchmark, type BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { format } from '@quire/bench-support';
import { distribution } from '../stats';
import { waitFor } from '../wait';
import { missingPrerequisite, processCpuSeconds, Reader, startRedis, startServer, Writer, type Child } from './cross-instance-rig';

/** Clients per document: one writer and the readers. */
const CLIENTS_PER_DOCUMENT = 50;
const READERS = CLIENTS_PER_DOCUMENT - 1;
/**
 * One keystroke every 10 ms: 100 per second (ten fast typists), each delivered to 49 readers,
 * about 5,000 frames a second. Faster, a 2-core machine queues frames in the benchmark's own
 * clients and the latencies measure that queue.
 */
const INTERVAL_MS = 10;

/**
 * Keystrokes typed into each document before measuring. A server runs for days with its code
 * compiled; at 100 keystrokes a second V8 takes thousands of messages to optimize a path, and each
 * process compiles its own: with 200, B was still compiling its relay path while measured and
 * crossing seemed to add 21–30% (median 24%, eight runs); with 1,500, 18%; with 3,000, 12–22%
 * (median 16%, four runs).
 */
const WARMUP_KEYSTROKES = 3_000;

type Path = 'same' | 'other';

const PATH_LABELS: Record<Path, string> = {
  same: 'same instance (A → A)',
  other: 'other instance (A → Redis → B)',
};

/** One document's writer and readers, typed into in turns with the other path's. */
interface Lane {
  readonly path: Path;
  readonly writer: Writer;
  readonly readers: Reader[];
  readonly latencies: number[];
  serverCpuSeconds: number;
  /** Each server's (A's, B's) share of {@link serverCpuSeconds}. */
  readonly perServerCpuSeconds: number[];
  redisCpuSeconds: number;
  deliveries: number;
  /** Server CPU per delivery (µs) of each measured segment, to pair with the other path's. */
  readonly segmentCpuUs: number[];
}

/**
 * What crossing instances costs: two server processes (A and B) on one store and one Redis. One
 * document has its writer and 49 readers on A; another has its writer on A and 49 readers on B.
 * Segments of typing alternate between the two, so that other load on the machine falls on both
 * alike. Latency is the writer's send to a reader's receipt (the benchmark's own clock, real
 * WebSockets); server CPU is both servers' user + system time from /proc during a segment,
 * divided by the deliveries (updates × readers) of that segment. The CPU added by crossing is the
 * median, over pairs of adjacent segments, of their ratio: drifts in the machine's other load fall
 * on both members of a pair.
 */
export const crossInstance: Benchmark = {
  name: 'cross-instance',
  title: 'Cross-instance delivery: latency and server CPU for a reader on another instance vs the same one',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const serverMain = resolve(context.repoRoot, 'apps/server/dist/main.js');
    const missing = missingPrerequisite(serverMain);
    if (missing) return skippedReport('cross-instance', missing, ['path', 'p50 ms']);
    const segments = context.quick ? 4 : 40;
    const perSegment = context.quick ? 75 : 50;
    const warmup = context.quick ? 50 : WARMUP_KEYSTROKES;

    const storeLabel = context.postgres.available ? 'PostgreSQL' : 'SQLite (one file, synchronous=FULL)';
    const databaseUrl = context.postgres.available
      ? context.postgres.url
      : `sqlite:${join(await mkdtemp(join(context.tempDir, 'cross-instance-')), 'quire.db')}`;
    const children: Child[] = [];
    const lanes: Lane[] = [];
    try {
      const redis = await startRedis();
      children.push(redis);
      const env = {
        DATABASE_URL: databaseUrl,
        REDIS_URL: redis.url,
        // The benchmark's clients type at machine speed from one address.
        MAX_MESSAGES_PER_SECOND: '1000000',
        CONNECT_BURST_PER_ADDRESS: '10000',
        // Instances over one Redis share one AUTH_SECRET (tokens and tickets are keyed with it).
        AUTH_SECRET: randomBytes(32).toString('base64url'),
      };
      const a = await startServer(serverMain, { ...env, DATA_DIR: await mkdtemp(join(context.tempDir, 'a-')) });
      children.push(a);
      const b = await startServer(serverMain, { ...env, DATA_DIR: await mkdtemp(join(context.tempDir, 'b-')) });
      children.push(b);
      // Every socket authenticates as a script would: the administrator's API token, on documents created first.
      const access = await setUpAccess(a.httpUrl, a.output);
      for (const path of ['same', 'other'] as const) {
        await access.createDocument(`cross-${path}`);
        const writer = new Writer();
        await writer.connect(access.socketUrl(a.wsUrl, `cross-${path}`));
        const readers = Array.from({ length: READERS }, () => new Reader());
        for (const reader of readers) await reader.connect(access.socketUrl((path === 'same' ? a : b).wsUrl, `cross-${path}`));
        lanes.push({ path, writer, readers, latencies: [], serverCpuSeconds: 0, perServerCpuSeconds: [0, 0], redisCpuSeconds: 0, deliveries: 0, segmentCpuUs: [] });
      }
      // Unmeasured: loads, compiled code paths, statements, connections.
      for (const lane of lanes) await type(lane, warmup, false, [a, b], redis);
      for (let segment = 0; segment < segments; segment++) {
        for (const lane of segment % 2 === 0 ? lanes : [...lanes].reverse()) await type(lane, perSegment, true, [a, b], redis);
      }
      for (const lane of lanes) checkConverged(lane);

      const results = lanes.map((lane) => ({
        path: lane.path,
        label: PATH_LABELS[lane.path],
        readers: lane.readers.length,
        latencyMs: distribution(lane.latencies),
        serverCpuUsPerDelivery: (lane.serverCpuSeconds * 1e6) / lane.deliveries,
        perServerCpuUsPerDelivery: lane.perServerCpuSeconds.map((seconds) => (seconds * 1e6) / lane.deliveries),
        redisCpuUsPerDelivery: (lane.redisCpuSeconds * 1e6) / lane.deliveries,
        deliveries: lane.deliveries,
      }));
      const [same, other] = results;
      const addedP50 = other.latencyMs.p50 - same.latencyMs.p50;
      const pairRatios = lanes[0].segmentCpuUs.map((sameCpu, index) => lanes[1].segmentCpuUs[index] / sameCpu - 1).sort((x, y) => x - y);
      const addedCpu = median(pairRatios);
      const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
      return {
        summary: [
          ['setup', `2 server processes on ${storeLabel} and one redis-server; ${CLIENTS_PER_DOCUMENT} clients per document (1 writer, ${READERS} readers)`],
          ['typing', `${segments} segments of ${perSegment} keystrokes per path, one every ${INTERVAL_MS} ms, paths alternating (after ${warmup} unmeasured)`],
          ['crossing adds', `${format.deltaMs(addedP50)} ms at p50 (bound +2 ms), ${percent(addedCpu)} server CPU per delivery (bound +30%)`],
          ['CPU added per pair', `median ${percent(addedCpu)}, from ${percent(pairRatios[0])} to ${percent(pairRatios[pairRatios.length - 1])} over ${pairRatios.length} pairs of segments`],
        ],
        table: {
          headers: ['path', 'p50 ms', 'p99 ms', 'max ms', 'server CPU µs/delivery', 'of which A / B', 'Redis CPU µs/delivery', 'deliveries'],
          rows: results.map((result) => [
            result.label,
            format.ms(result.latencyMs.p50),
            format.ms(result.latencyMs.p99),
            format.ms(result.latencyMs.max),
            result.serverCpuUsPerDelivery.toFixed(2),
            result.perServerCpuUsPerDelivery.map((us) => us.toFixed(2)).join(' / '),
            result.path === 'same' ? '–' : result.redisCpuUsPerDelivery.toFixed(2),
            format.integer(result.deliveries),
          ]),
        },
        notes: [
          'latency: writer send to reader receipt on the benchmark’s clock; both include storing before relaying.',
          'server CPU: CPU time of both server processes, all threads (/proc schedstat, in ns) while typing, per update delivered to a reader.',
          'other instance: A stores, relays to its clients and publishes once per update; B relays it to its 49 readers as received and applies it to its doc in batches.',
          'Redis CPU is Redis’s own (INFO cpu), not counted in server CPU.',
        ],
        skipped: [],
        data: {
          clientsPerDocument: CLIENTS_PER_DOCUMENT,
          intervalMs: INTERVAL_MS,
          segments,
          perSegment,
          warmup,
          store: storeLabel,
          results,
          addedP50Ms: addedP50,
          addedCpuFraction: addedCpu,
          addedCpuFractionPerPair: pairRatios,
        },
      };
    } finally {
      for (const lane of lanes) {
        lane.writer.close();
        for (const reader of lane.readers) reader.close();
      }
      for (const child of children.reverse()) await child.stop();
    }
  },
};

/** Types `count` keystrokes into the lane's document on schedule; if `measure`, adds to its samples. */
async function type(lane: Lane, count: number, measure: boolean, servers: readonly Child[], redis: { cpuSeconds(): Promise<number> }): Promise<void> {
  const first = lane.writer.sentAt.length;
  const cpuBefore = servers.map((server) => processCpuSeconds(server.pid));
  const redisBefore = await redis.cpuSeconds();
  // A timer, not a spin: the benchmark's own busy-waiting would steal the servers' CPU.
  await new Promise<void>((done) => {
    let typed = 0;
    const timer = setInterval(() => {
      lane.writer.press();
      if (++typed === count) {
        clearInterval(timer);
        done();
      }
    }, INTERVAL_MS);
  });
  const last = lane.writer.sentAt.length;
  const writer = lane.writer.doc.clientID;
  const clock = lane.writer.clocks[last - 1];
  await waitFor(() => lane.readers.every((reader) => reader.receipts.clockOf(writer) >= clock), `${lane.path}: every reader to receive ${last} updates`);
  if (!measure) return;
  const cpuEach = servers.map((server, index) => processCpuSeconds(server.pid) - cpuBefore[index]);
  const cpu = cpuEach.reduce((sum, seconds) => sum + seconds, 0);
  cpuEach.forEach((seconds, index) => (lane.perServerCpuSeconds[index] += seconds));
  const deliveries = (last - first) * lane.readers.length;
  lane.serverCpuSeconds += cpu;
  lane.redisCpuSeconds += (await redis.cpuSeconds()) - redisBefore;
  lane.deliveries += deliveries;
  lane.segmentCpuUs.push((cpu * 1e6) / deliveries);
  for (const reader of lane.readers) {
    // A frame may carry several keystrokes (the server merges what one turn relays): each gets its arrival.
    const receivedAt = reader.receipts.receiptTimes(writer, lane.writer.clocks);
    for (let index = first; index < last; index++) lane.latencies.push(receivedAt[index] - lane.writer.sentAt[index]);
  }
}

// Latencies of a relay that lost, doubled or reordered updates would mean nothing.
function checkConverged(lane: Lane): void {
  const expected = lane.writer.doc.getXmlFragment(PROSEMIRROR_FRAGMENT).toString();
  for (const [index, reader] of lane.readers.entries()) {
    const missing = reader.receipts.receiptTimes(lane.writer.doc.clientID, lane.writer.clocks).filter(Number.isNaN).length;
    if (missing > 0) throw new Error(`${lane.path}: reader ${index + 1} did not receive ${missing} of ${lane.writer.sentAt.length} updates`);
    if (reader.content(PROSEMIRROR_FRAGMENT) !== expected) throw new Error(`${lane.path}: reader ${index + 1} did not converge with the writer`);
  }
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

