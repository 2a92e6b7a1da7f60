import { Worker } from 'node:worker_threads';

/** What the probe saw: round trips of `GET /health/live`, one after another. */
export interface HealthProbeResult {
  readonly probes: number;
  readonly failures: number;
  /** The longest round trip: a bound on how long the server's event loop was blocked. */
  readonly longestMs: number;
  /** Round trips that took longer than 50 ms. */
  readonly over50Ms: number;
}

// Plain JavaScript run in a worker thread: its timing must not suffer when the fuzzer's own
// thread is busy making and sending frames. One keep-alive connection, one request at a time.
const PROBE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let stopping = false, probes = 0, failures = 0, longestMs = 0, over50Ms = 0;
parentPort.on('message', () => { stopping = true; });
function next() {
  if (stopping) {
    agent.destroy();
    parentPort.postMessage({ probes, failures, longestMs, over50Ms });
    return;
  }
  const start = performance.now();
  let done = false;
  const finish = (ok) => {
    if (done) return;
    done = true;
    const ms = performance.now() - start;
    probes++;
    if (!ok) failures++;
    if (ms > longestMs) longestMs = ms;
    if (ms > 50) over50Ms++;
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
 * only when its event loop is free, so the longest round trip bounds the longest block.
 */
export function startHealthProbe(httpUrl: string, intervalMs = 5): { stop(): Promise<HealthProbeResult> } {
  const worker = new Worker(PROBE_SOURCE, { eval: true, workerData: { url: `${httpUrl}/health/live`, intervalMs } });
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
