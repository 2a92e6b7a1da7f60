import * as Y from 'yjs';
import type { Account } from '../access';
import { connectStockClient, contentOf, eventually, synced } from '../stock-client';
import { canaryDifference, connectBystanders, readCanary, writeCanaries, type Bystanders } from './canaries';
import { buildCorpus } from './corpus';
import { RunState, runLane, type KindStats, type SlowFrame } from './fuzz-lanes';
import { startHealthProbe, type HealthProbeResult } from './health-probe';

export interface FuzzOptions {
  readonly httpUrl: string;
  /**
   * Whose API token opens every socket (at the account's collaboration endpoint), and who owns the
   * documents the run creates first.
   */
  readonly account: Account;
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
  /** A longer block of the server's event loop is a problem; default 100 ms (the goal is 50 ms; see the spec). */
  readonly maxBlockMs?: number;
  /** Stop at the first frame that blocks the server longer than `maxBlockMs` (measured only with `serverPid`). */
  readonly failFast?: boolean;
  readonly onProgress?: (framesSent: number) => void;
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
  /**
   * The frames that cost the server most, worst first: `ms` from sending to the answer or close,
   * `blockMs` the lesser of that and the server's main-thread CPU time meanwhile (`ms` without a pid).
   */
  readonly slowest: ReadonlyArray<SlowFrame>;
  /**
   * The longest the server's event loop was blocked, as well as the run could tell: with the
   * server's pid on Linux, the worst `blockMs` of the health probe and of the frames; otherwise
   * the longest `/health/live` round trip, which also counts waiting on a busy machine.
   */
  readonly longestBlockMs: number;
  /** Frames in flight while the server was blocked longer than `maxBlockMs`: replay them alone to find the culprit. */
  readonly framesOverLimit: readonly number[];
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
/** See {@link FuzzOptions.maxBlockMs}. */
export const DEFAULT_MAX_BLOCK_MS = 100;

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
  const { account } = options;
  const canaryIds = Array.from({ length: CANARIES }, (_, i) => `fuzz-canary-${options.seed}-${i}`);
  const indexes = options.only ?? Array.from({ length: options.frames }, (_, i) => i);
  const laneIds = Array.from({ length: Math.min(options.connections ?? 8, Math.max(1, indexes.length)) }, (_, lane) => `fuzz-${options.seed}-${lane}`);
  const afterId = `fuzz-after-${options.seed}`;
  // Documents exist before anyone connects (connecting to an unknown id closes with 4404).
  for (const id of [...canaryIds, ...laneIds, afterId]) await account.ensureDocument(id);
  const snapshots = await writeCanaries(account, canaryIds, options.seed);
  const bystanders: Bystanders[] = await Promise.all(canaryIds.map((id) => connectBystanders(account, id)));
  try {
    const maxBlockMs = options.maxBlockMs ?? DEFAULT_MAX_BLOCK_MS;
    const state = new RunState(options, maxBlockMs);
    const probe = startHealthProbe(options.httpUrl, options.serverPid);
    const started = performance.now();
    let next = 0;
    const lanes = laneIds.map((id) =>
      runLane(account.socketPath(id), state, () => (next < indexes.length && !state.aborted ? indexes[next++] : undefined), corpus),
    );
    await Promise.all(lanes);
    const durationMs = performance.now() - started;
    const health = await probe.stop();

    const alive = (options.serverRunning?.() ?? true) && (await isLive(options.httpUrl));
    if (!alive) problems.push('the server is not alive after the run');
    if (state.aborted) problems.push(`the run stopped: ${state.aborted}`);
    if (state.timeouts > 0) problems.push(`${state.timeouts} frames got neither an answer nor a close within the timeout`);
    const longestBlockMs =
      health.longestBlockMs !== undefined && state.measuredCpu
        ? Math.max(health.longestBlockMs, state.slowest[0]?.blockMs ?? 0)
        : health.longestRoundTripMs;
    if (longestBlockMs > maxBlockMs) {
      problems.push(`the server's event loop was blocked for ${Math.round(longestBlockMs)} ms, more than ${maxBlockMs} ms`);
    }
    if ((state.closesByCode['1011'] ?? 0) > 0) {
      problems.push(`${state.closesByCode['1011']} connections closed with 1011: errors the server did not expect`);
    }

    const canaries: Array<{ documentId: string; difference: string | undefined }> = [];
    let bystanderDisconnects = 0;
    let stockClientsSync = false;
    if (alive) {
      for (const snapshot of snapshots) {
        const difference = canaryDifference(snapshot, await readCanary(account, snapshot.documentId));
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
      stockClientsSync = await stockClientsStillSync(account, afterId);
      if (!stockClientsSync) problems.push('two stock clients could not sync after the run');
    }

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
      longestBlockMs,
      framesOverLimit: state.overLimit,
      rejectedByReason: rejectedBefore && rejectedAfter ? difference(rejectedAfter, rejectedBefore) : undefined,
      health,
      crashes: alive ? 0 : 1,
      canaries,
      bystanderDisconnects,
      stockClientsSync,
      problems,
    };
  } finally {
    for (const pair of bystanders) for (const client of pair.clients) client.destroy();
  }
}

/** Two fresh stock clients on a new document see each other's edits. */
async function stockClientsStillSync(account: Account, documentId: string): Promise<boolean> {
  const a = connectStockClient(account.wsUrl, documentId, { params: account.params });
  const b = connectStockClient(account.wsUrl, documentId, { params: account.params });
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
