import type { RunResult } from '../../results';
import { Samples, summarizeLatency } from '../../stats/samples';
import { closeAll, sleep } from '../connect-all';
import { DeliveryLedger } from '../delivery-ledger';
import { LeanClient } from '../lean-client';
import type { ScenarioContext } from '../scenario-context';
import { SelfMonitor } from '../self-monitor';
import { ServerGauge } from '../server-gauge';

/**
 * Scenario 4: 5,000 clients opening at 1,000 a second across 50 documents. Each opens its
 * socket on schedule and counts as synced when the server's sync step 2 arrives (on the relay,
 * when the socket opens). Reports the time until all are synced, failures, and the server's
 * event-loop delay (probe) meanwhile.
 */
export async function storm(context: ScenarioContext): Promise<RunResult> {
  const count = context.quick ? 500 : 5_000;
  const perSecond = context.quick ? 500 : 1_000;
  const documents = context.quick ? 10 : 50;
  const run = Date.now().toString(36);
  const ledger = new DeliveryLedger(); // unused: these clients publish nothing, they only join
  await context.createDocuments(Array.from({ length: documents }, (_unused, index) => `storm-${run}-${index}`));
  const clients = Array.from({ length: count }, (_unused, index) => new LeanClient(context.target, `storm-${run}-${index % documents}`, ledger));
  const times = new Samples();
  let failures = 0;
  let firstFailure = '';
  await context.probe({ gc: false, resetLoop: true });
  const gauge = new ServerGauge(context.target.pid);
  const monitor = new SelfMonitor();
  gauge.start();
  monitor.start();
  const started = performance.now();
  const pending: Promise<void>[] = [];
  context.progress(`${count} clients at ${perSecond}/s`);
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const openedAt = performance.now();
    pending.push(
      clients[index].socket.connect().then(
        (syncedAt) => times.push(syncedAt - openedAt),
        (error: unknown) => {
          failures += 1;
          firstFailure ||= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  await Promise.all(pending);
  const allSyncedMs = performance.now() - started;
  const health = monitor.stop();
  const usage = gauge.stop();
  const loop = await context.probe({ gc: false, resetLoop: true });
  await sleep(200);
  await closeAll(clients.map((client) => client.socket));
  const latency = summarizeLatency(times);
  return {
    steps: [
      {
        step: `${count.toLocaleString('en-US')} at ${perSecond}/s`,
        latency,
        health,
        failures: failures > 0 ? [`${failures} clients failed: ${firstFailure}`] : [],
        values: {
          allSyncedMs,
          failures,
          p50: latency.p50,
          p99: latency.p99,
          max: latency.max,
          serverLoopMaxMs: loop.loopDelayMaxMs,
          serverLoopP99Ms: loop.loopDelayP99Ms,
          serverCpuSeconds: usage.cpuSeconds,
          peakRss: usage.peakRssBytes,
          generatorCpu: health.cpuShare,
          generatorLagP99: health.loopDelayP99Ms,
        },
      },
    ],
    notes: [
      `${count} lean clients (no presence) over ${documents} empty documents, opened on a fixed schedule; latency rows: open to synced per client`,
      `all synced: from the first open to the last client synced (the schedule alone takes ${((count / perSecond) * 1000).toFixed(0)} ms)`,
    ],
  };
}
