import { Worker } from 'node:worker_threads';

/** What the probe saw: round trips of `GET /health/live`, one after another. */
export interface HealthProbeResult {
  readonly probes: number;
  readonly failures: number;
  /** The longest round trip: a bound on how long the server's event loop was blocked. */
  readonly longestRoundTripMs: number;
  /** Round trips that took longer than 50 ms. */
  readonly over50Ms: number;
  /**
   * The longest block, corrected for waiting on a busy machine: for each round trip, the lesser of
   * its duration and the CPU time the server's main thread used meanwhile (Linux `/proc`, 10 ms
   * resolution). A round trip that was slow because the machine ran something else does not count;
   * one that waited for the server to finish a long computation does. Undefined without a pid or `/proc`.
   */
  readonly longestBlockMs: number | undefined;
}

// Plain JavaScript run in a worker thread: its timing must not suffer when the fuzzer's own
// thread is busy making and sending frames. One keep-alive connection, one request at a time.
const PROBE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const TICK_MS = 10; // USER_HZ is 100 on Linux
let stopping = false, probes = 0, failures = 0, longestRoundTripMs = 0, over50Ms = 0;
let longestBlockMs; // stays undefined unless the server's CPU time can be read
parentPort.on('message', () => { stopping = true; });
function cpuMs() {
  if (workerData.pid === undefined) return undefined;
  try {
    const stat = readFileSync('/proc/' + workerData.pid + '/task/' + workerData.pid + '/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
function next() {
  if (stopping) {
    agent.destroy();
    parentPort.postMessage({ probes, failures, longestRoundTripMs, over50Ms, longestBlockMs });
    return;
  }
  const cpuBefore = cpuMs();
  const start = performance.now();
  let done = false;
  const finish = (ok) => {
    if (done) return;
    done = true;
    const ms = performance.now() - start;
    const cpuAfter = cpuMs();
    probes++;
    if (!ok) failures++;
    if (ms > longestRoundTripMs) longestRoundTripMs = ms;
    if (ms > 50) over50Ms++;
    if (cpuBefore !== undefined && cpuAfter !== undefined) {
      longestBlockMs = Math.max(longestBlockMs ?? 0, Math.min(ms, cpuAfter - cpuBefore));
    }
    setTimeout(next, workerData.intervalMs);
  };
  const request = http.get(workerData.url, { agent, timeout: 30000 }, (response) => {
    response.resume();
    response.on('end', () => finish(response.statusCode === 200));
    response.on('error', () => finish(false));
  });
  request.on('timeout', () => request.destroy(new Error('timeout')));
  request.on('error', () => finish(false));
}
next();
`;

/**
 * Times `GET /health/live` round trips from a worker thread until stopped. The server answers
 * only when its event loop is free, so the longest round trip bounds the longest block; given
 * the server's pid on Linux, its main thread's CPU time sharpens that bound.
 */
export function startHealthProbe(httpUrl: string, serverPid?: number, intervalMs = 5): { stop(): Promise<HealthProbeResult> } {
  const worker = new Worker(PROBE_SOURCE, { eval: true, workerData: { url: `${httpUrl}/health/live`, pid: serverPid, intervalMs } });
  const result = new Promise<HealthProbeResult>((resolve, reject) => {
    worker.once('message', (message: HealthProbeResult) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  return {
    stop: () => {
      worker.postMessage('stop');
      return result;
    },
  };
}
