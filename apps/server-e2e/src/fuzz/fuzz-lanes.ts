import type { FrameCorpus } from './corpus';
import { generateFrame, type FrameKind, type FuzzFrame } from './frame-generator';
import type { FuzzOptions } from './fuzz-run';
import { FuzzSocket, type OpenFailure, type Outcome } from './fuzz-socket';
import { mainThreadCpuMs } from './server-cpu';

/** How the frames of one kind fared. */
export interface KindStats {
  sent: number;
  /** The server handled the frame and kept the connection (it answered the ping after it). */
  kept: number;
  closed: Record<string, number>;
}

export interface SlowFrame {
  readonly index: number;
  readonly kind: FrameKind;
  readonly ms: number;
  readonly blockMs: number;
  readonly outcome: string;
}

/** Counters shared by the lanes of one run. */
export class RunState {
  framesSent = 0;
  connectionsOpened = 0;
  timeouts = 0;
  aborted: string | undefined;
  readonly upgradeRefusals: Record<string, number> = {};
  readonly closesByCode: Record<string, number> = {};
  readonly byKind: Record<string, KindStats> = {};
  readonly slowest: SlowFrame[] = [];
  /** Frames in flight while the server was blocked longer than allowed (the culprit among them); at most 200. */
  readonly overLimit: number[] = [];
  /** Whether the server's CPU time could be read for every frame. */
  measuredCpu = true;

  constructor(
    readonly options: FuzzOptions,
    private readonly maxBlockMs: number,
  ) {}

  record(frame: FuzzFrame, outcome: Outcome, ms: number, cpuMs: number | undefined): void {
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
    if (cpuMs === undefined) this.measuredCpu = false;
    const blockMs = cpuMs === undefined ? ms : Math.min(ms, cpuMs);
    if (cpuMs !== undefined && blockMs > this.maxBlockMs) {
      if (this.overLimit.length < 200) this.overLimit.push(frame.index);
      if (this.options.failFast && !this.aborted) {
        this.aborted = `the server was blocked for ${blockMs} ms, more than ${this.maxBlockMs} ms, while frame #${frame.index} (${frame.kind}) was in flight`;
      }
    }
    if (this.slowest.length < SLOWEST_KEPT || blockMs > this.slowest[this.slowest.length - 1].blockMs) {
      this.slowest.push({ index: frame.index, kind: frame.kind, ms, blockMs, outcome: label });
      this.slowest.sort((a, b) => b.blockMs - a.blockMs || b.ms - a.ms);
      this.slowest.length = Math.min(this.slowest.length, SLOWEST_KEPT);
    }
  }
}

/**
 * Sends frames over one socket at a time to `path` (with its `token`), reconnecting when the server closes it. The
 * next socket is opened while a frame is in flight, so that a close costs no wait for a handshake.
 */
export async function runLane(path: string, state: RunState, take: () => number | undefined, corpus: FrameCorpus): Promise<void> {
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
      const pid = state.options.serverPid;
      const cpuBefore = pid === undefined ? undefined : mainThreadCpuMs(pid);
      const started = performance.now();
      const outcome = await socket.send(frame.data, timeoutMs);
      const ms = performance.now() - started;
      const cpuAfter = pid === undefined ? undefined : mainThreadCpuMs(pid);
      state.record(frame, outcome, ms, cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore);
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
const SLOWEST_KEPT = 5;

function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one frame costs the server on its own; see {@link replayFrame}. */
export interface Replay {
  readonly frame: FuzzFrame;
  readonly outcome: Outcome | OpenFailure;
  readonly ms: number;
  /** The lesser of `ms` and the server's main-thread CPU time meanwhile; `ms` without a pid. */
  readonly blockMs: number;
}

/**
 * Sends frame `index` of the run alone, on a new connection to a new document, and measures what
 * it costs the server: to tell, among frames that were in flight together, the one that blocked.
 */
export async function replayFrame(options: FuzzOptions, corpus: FrameCorpus, index: number): Promise<Replay> {
  const frame = generateFrame(corpus, options.seed, index);
  const { hostname, port } = new URL(options.httpUrl);
  const documentId = `fuzz-replay-${options.seed}-${index}`;
  await options.account.ensureDocument(documentId);
  const path = options.account.socketPath(documentId);
  const opened = await FuzzSocket.open(hostname, Number(port), path, OPEN_TIMEOUT_MS);
  if (!('socket' in opened)) return { frame, outcome: opened, ms: 0, blockMs: 0 };
  const pid = options.serverPid;
  const cpuBefore = pid === undefined ? undefined : mainThreadCpuMs(pid);
  const started = performance.now();
  const outcome = await opened.socket.send(frame.data, options.frameTimeoutMs ?? 15_000);
  const ms = performance.now() - started;
  const cpuAfter = pid === undefined ? undefined : mainThreadCpuMs(pid);
  opened.socket.destroy();
  const blockMs = cpuBefore === undefined || cpuAfter === undefined ? ms : Math.min(ms, cpuAfter - cpuBefore);
  return { frame, outcome, ms, blockMs };
}
