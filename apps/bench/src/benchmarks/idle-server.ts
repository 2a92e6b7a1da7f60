import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setUpAccess } from '../access';
import { skippedReport, type Benchmark, type BenchmarkReport } from '../benchmark';
import type { BenchContext } from '../context';
import { sleep } from '../wait';
import { missingServerPrerequisite, processCpuSeconds, Reader, startServer } from './cross-instance-rig';

/** Idle connections held open for the second reading: a few people who left a tab open. */
const IDLE_CONNECTIONS = 100;

interface Reading {
  readonly label: string;
  readonly cpuMsPerSecond: number;
  readonly wakeUpsPerSecond: number;
}

/**
 * What a server costs when nobody types: one built server on SQLite, first with no connection,
 * then with 100 idle ones on one document. CPU time of every thread (schedstat, ns) and the main
 * thread's context switches (/proc/<pid>/status: each is a wake-up from the event loop's wait),
 * per second, read after the server has settled (start-up compilation and GC done). A
 * self-hosted instance idles most of its life, often on a small machine.
 */
export const idleServer: Benchmark = {
  name: 'idle-server',
  title: 'Idle server: CPU and wake-ups per second with no connection and with idle connections',
  async run(context: BenchContext): Promise<BenchmarkReport> {
    const serverMain = resolve(context.repoRoot, 'apps/server/dist/main.js');
    const missing = missingServerPrerequisite(serverMain);
    if (missing) return skippedReport('idle-server', missing, ['state', 'CPU ms per second']);
    const settleMs = context.quick ? 5_000 : 40_000;
    const measureMs = context.quick ? 5_000 : 20_000;

    const server = await startServer(serverMain, { DATA_DIR: await mkdtemp(join(context.tempDir, 'idle-')) });
    const readers: Reader[] = [];
    try {
      const readings: Reading[] = [];
      await sleep(settleMs);
      readings.push(await measure('no connection', server.pid, measureMs));

      const access = await setUpAccess(server.httpUrl, server.output);
      await access.createDocument('idle');
      for (let index = 0; index < IDLE_CONNECTIONS; index++) {
        const reader = new Reader();
        await reader.connect(access.socketUrl(server.wsUrl, 'idle'));
        readers.push(reader);
      }
      await sleep(settleMs);
      readings.push(await measure(`${IDLE_CONNECTIONS} idle connections on one document`, server.pid, measureMs));

      return {
        summary: [
          ['setup', `the built server on SQLite, alone; settled ${settleMs / 1000} s, then measured ${measureMs / 1000} s per reading`],
        ],
        table: {
          headers: ['state', 'CPU ms per second', 'wake-ups per second'],
          rows: readings.map((reading) => [reading.label, reading.cpuMsPerSecond.toFixed(2), reading.wakeUpsPerSecond.toFixed(1)]),
        },
        notes: [
          'CPU: every thread of the server process (/proc/<pid>/task/*/schedstat). Wake-ups: context switches of its main thread (/proc/<pid>/status).',
          'What wakes an idle server: the event-loop-lag sampler (every 100 ms), keep-alive pings of open sockets, timers of loaded documents.',
        ],
        skipped: [],
        data: { settleMs, measureMs, idleConnections: IDLE_CONNECTIONS, readings },
      };
    } finally {
      for (const reader of readers) reader.close();
      await server.stop();
    }
  },
};

async function measure(label: string, pid: number, measureMs: number): Promise<Reading> {
  const cpuBefore = processCpuSeconds(pid);
  const switchesBefore = contextSwitches(pid);
  await sleep(measureMs);
  const seconds = measureMs / 1000;
  return {
    label,
    cpuMsPerSecond: ((processCpuSeconds(pid) - cpuBefore) * 1000) / seconds,
    wakeUpsPerSecond: (contextSwitches(pid) - switchesBefore) / seconds,
  };
}

/** Voluntary and involuntary context switches of the process's main thread so far. */
function contextSwitches(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return read('voluntary_ctxt_switches') + read('nonvoluntary_ctxt_switches');
}
