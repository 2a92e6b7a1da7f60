import * as Y from 'yjs';
import { connectStockClient, contentOf, eventually, synced } from '../stock-client';
import { canaryDifference, connectBystanders, readCanary, writeCanaries, type Bystanders } from './canaries';
import { buildCorpus, type FrameCorpus } from './corpus';
import { generateFrame, type FrameKind, type FuzzFrame } from './frame-generator';
import { FuzzSocket, type Outcome } from './fuzz-socket';
import { startHealthProbe, type HealthProbeResult } from './health-probe';

export interface FuzzOptions {
  readonly httpUrl: string;
  /** The collaboration endpoint, `ws://host:port/collab`. */
  readonly wsUrl: string;
  readonly frames: number;
  readonly seed: number;
  /** Sockets sending at once, each to its own document; default 8. */
  readonly connections?: number;
  /** Send only these frame indexes of the run (to replay a failure); default all of `frames`. */
  readonly only?: readonly number[];
  /** How long a frame may go without the server answering the ping after it, or closing; default 15 s. */
  readonly frameTimeoutMs?: number;
  /** False once the server process died, when the caller started it. */
  readonly serverRunning?: () => boolean;
  /** The server's process id, when known: lets the probe tell a block from a busy machine. */
  readonly serverPid?: number;
  readonly onProgress?: (framesSent: number) => void;
}

/** How the frames of one kind fared. */
export interface KindStats {
  sent: number;
  /** The server handled the frame and kept the connection (it answered the ping after it). */
  kept: number;
  closed: Record<string, number>;
}

export interface FuzzReport {
  readonly seed: number;
  readonly framesSent: number;
  readonly durationMs: number;
  readonly connectionsOpened: number;
  /** Upgrades the server refused, by HTTP status (429 once the per-address limit bites). */
  readonly upgradeRefusals: Record<string, number>;
  /** Closes the server sent, by WebSocket close code (1006: the socket ended without one). */
  readonly closesByCode: Record<string, number>;
  readonly timeouts: number;
  readonly byKind: Record<string, KindStats>;
  /** The frames the server took longest to answer or close on, slowest first. */
  readonly slowest: ReadonlyArray<{ readonly index: number; readonly kind: FrameKind; readonly ms: number; readonly outcome: string }>;
  /** The server's own count of refusals during the run, from `/metrics`; undefined without metrics. */
  readonly rejectedByReason: Record<string, number> | undefined;
  readonly health: HealthProbeResult;
  /** 1 if the server died during the run. */
  readonly crashes: number;
  readonly canaries: ReadonlyArray<{ readonly documentId: string; readonly difference: string | undefined }>;
  readonly bystanderDisconnects: number;
  readonly stockClientsSync: boolean;
  /** Everything that went wrong, in words; empty when the run passed. */
  readonly problems: readonly string[];
}

const CANARIES = 3;
const SLOWEST_KEPT = 5;

/**
 * Sends hostile frames to a running server over many sockets, reconnecting as the server closes
 * them, while a worker times `/health/live`; then checks that the server lives, that canary
 * documents written before the run are byte-identical, and that stock clients still sync.
 * Each frame is followed by a ping: a pong means the server handled the frame and kept the
 * connection, a close means the frame (or a limit) ended it.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const problems: string[] = [];
  const corpus = buildCorpus(options.seed);
  const rejectedBefore = await rejectedByReason(options.httpUrl);
  const canaryIds = Array.from({ length: CANARIES }, (_, i) => `fuzz-canary-${options.seed}-${i}`);
  const snapshots = await writeCanaries(options.wsUrl, canaryIds, options.seed);
  const bystanders: Bystanders[] = await Promise.all(canaryIds.map((id) => connectBystanders(options.wsUrl, id)));

  const indexes = options.only ?? Array.from({ length: options.frames }, (_, i) => i);
  const state = new RunState(options);
  const probe = startHealthProbe(options.httpUrl, options.serverPid);
  const started = performance.now();
  let next = 0;
  const lanes = Array.from({ length: Math.min(options.connections ?? 8, Math.max(1, indexes.length)) }, (_, lane) =>
    runLane(`${new URL(options.wsUrl).pathname}/fuzz-${options.seed}-${lane}`, state, () => (next < indexes.length && !state.aborted ? indexes[next++] : undefined), corpus),
  );
  await Promise.all(lanes);
  const durationMs = performance.now() - started;
  const health = await probe.stop();

  const alive = (options.serverRunning?.() ?? true) && (await isLive(options.httpUrl));
  if (!alive) problems.push('the server is not alive after the run');
  if (state.aborted) problems.push(`the run stopped: ${state.aborted}`);
  if (state.timeouts > 0) problems.push(`${state.timeouts} frames got neither an answer nor a close within the timeout`);

  const canaries: Array<{ documentId: string; difference: string | undefined }> = [];
  let bystanderDisconnects = 0;
  let stockClientsSync = false;
  if (alive) {
    for (const snapshot of snapshots) {
      const difference = canaryDifference(snapshot, await readCanary(options.wsUrl, snapshot.documentId));
      canaries.push({ documentId: snapshot.documentId, difference });
      if (difference) problems.push(`canary ${snapshot.documentId}: ${difference}`);
    }
    for (const [index, pair] of bystanders.entries()) {
      bystanderDisconnects += pair.disconnects();
      if (pair.clients.some((client) => contentOf(client) !== snapshots[index].content)) {
        problems.push(`a stock client connected to ${canaryIds[index]} during the run saw its content change`);
      }
    }
    if (bystanderDisconnects > 0) problems.push(`stock clients on the canaries lost the server ${bystanderDisconnects} times`);
    stockClientsSync = await stockClientsStillSync(options.wsUrl, `fuzz-after-${options.seed}`);
    if (!stockClientsSync) problems.push('two stock clients could not sync after the run');
  }
  for (const pair of bystanders) for (const client of pair.clients) client.destroy();

  const rejectedAfter = alive ? await rejectedByReason(options.httpUrl) : undefined;
  return {
    seed: options.seed,
    framesSent: state.framesSent,
    durationMs,
    connectionsOpened: state.connectionsOpened,
    upgradeRefusals: state.upgradeRefusals,
    closesByCode: state.closesByCode,
    timeouts: state.timeouts,
    byKind: state.byKind,
    slowest: state.slowest,
    rejectedByReason: rejectedBefore && rejectedAfter ? difference(rejectedAfter, rejectedBefore) : undefined,
    health,
    crashes: alive ? 0 : 1,
    canaries,
    bystanderDisconnects,
    stockClientsSync,
    problems,
  };
}

/** Counters shared by the lanes of one run. */
class RunState {
  framesSent = 0;
  connectionsOpened = 0;
  timeouts = 0;
  aborted: string | undefined;
  readonly upgradeRefusals: Record<string, number> = {};
  readonly closesByCode: Record<string, number> = {};
  readonly byKind: Record<string, KindStats> = {};
  readonly slowest: Array<{ index: number; kind: FrameKind; ms: number; outcome: string }> = [];

  constructor(readonly options: FuzzOptions) {}

  record(frame: FuzzFrame, outcome: Outcome, ms: number): void {
    this.framesSent++;
    if (this.framesSent % 1000 === 0) this.options.onProgress?.(this.framesSent);
    const stats = (this.byKind[frame.kind] ??= { sent: 0, kept: 0, closed: {} });
    stats.sent++;
    if (outcome.kind === 'kept') stats.kept++;
    if (outcome.kind === 'closed') {
      count(stats.closed, String(outcome.code));
      count(this.closesByCode, String(outcome.code));
    }
    if (outcome.kind === 'timeout') this.timeouts++;
    const label = outcome.kind === 'closed' ? `closed ${outcome.code}` : outcome.kind;
    if (this.slowest.length < SLOWEST_KEPT || ms > this.slowest[this.slowest.length - 1].ms) {
      this.slowest.push({ index: frame.index, kind: frame.kind, ms, outcome: label });
      this.slowest.sort((a, b) => b.ms - a.ms);
      this.slowest.length = Math.min(this.slowest.length, SLOWEST_KEPT);
    }
  }
}

/**
 * Sends frames over one socket at a time to `path`, reconnecting when the server closes it. The
 * next socket is opened while a frame is in flight, so that a close costs no wait for a handshake.
 */
async function runLane(path: string, state: RunState, take: () => number | undefined, corpus: FrameCorpus): Promise<void> {
  const { hostname, port } = new URL(state.options.httpUrl);
  const open = () => FuzzSocket.open(hostname, Number(port), path, OPEN_TIMEOUT_MS);
  const timeoutMs = state.options.frameTimeoutMs ?? 15_000;
  let socket: FuzzSocket | undefined;
  let spare = open();
  let failures = 0;
  try {
    for (let index = take(); index !== undefined; index = take()) {
      while (!socket?.isOpen) {
        if (state.aborted) return;
        if (state.options.serverRunning?.() === false) {
          state.aborted = 'the server process exited';
          return;
        }
        const opened = await spare;
        spare = open();
        if ('socket' in opened) {
          socket = opened.socket;
          state.connectionsOpened++;
          failures = 0;
          continue;
        }
        if ('refused' in opened) count(state.upgradeRefusals, String(opened.refused));
        if ('closed' in opened) count(state.closesByCode, String(opened.closed));
        if (++failures >= 30) {
          state.aborted = `cannot connect to ${path} 30 times in a row (last: ${JSON.stringify(opened)})`;
          return;
        }
        await sleep(Math.min(1000, 10 * 2 ** failures));
      }
      const frame = generateFrame(corpus, state.options.seed, index);
      const started = performance.now();
      const outcome = await socket.send(frame.data, timeoutMs);
      state.record(frame, outcome, performance.now() - started);
      if (outcome.kind !== 'kept') {
        socket.destroy();
        socket = undefined;
      }
    }
  } finally {
    socket?.destroy();
    const last = await spare;
    if ('socket' in last) last.socket.destroy();
  }
}

const OPEN_TIMEOUT_MS = 10_000;

/** Two fresh stock clients on a new document see each other's edits. */
async function stockClientsStillSync(wsUrl: string, documentId: string): Promise<boolean> {
  const a = connectStockClient(wsUrl, documentId);
  const b = connectStockClient(wsUrl, documentId);
  try {
    await Promise.all([synced(a), synced(b)]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('after the fuzz')]);
    a.fragment.insert(0, [paragraph]);
    await eventually(() => contentOf(b) === contentOf(a), 'the second client receives the edit');
    return true;
  } catch {
    return false;
  } finally {
    a.destroy();
    b.destroy();
  }
}

async function isLive(httpUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${httpUrl}/health/live`)).status === 200;
  } catch {
    return false;
  }
}

/** `quire_rejected_total` by reason from the server's Prometheus text, or undefined without it. */
async function rejectedByReason(httpUrl: string): Promise<Record<string, number> | undefined> {
  try {
    const response = await fetch(`${httpUrl}/metrics`);
    if (response.status !== 200) return undefined;
    const counts: Record<string, number> = {};
    for (const match of (await response.text()).matchAll(/^quire_rejected_total\{reason="([^"]*)"\} (\d+)/gm)) {
      counts[match[1]] = Number(match[2]);
    }
    return counts;
  } catch {
    return undefined;
  }
}

function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) if (value - (before[key] ?? 0) > 0) result[key] = value - (before[key] ?? 0);
  return result;
}

function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
