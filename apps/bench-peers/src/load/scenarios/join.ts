import * as Y from 'yjs';
import type { RunResult } from '../../results';
import { Samples, summarizeLatency } from '../../stats/samples';
import { readTraceUpdates, TRACE_TEXT } from '../../trace-updates';
import { closeAll, sleep } from '../connect-all';
import type { ScenarioContext } from '../scenario-context';
import { SelfMonitor } from '../self-monitor';
import { ServerGauge } from '../server-gauge';
import { storeTraceDocument, SyncOnlyClient } from '../trace-document';

/**
 * Scenario 3: the editing-trace document (259,778 operations; 104,852 characters) stored on the
 * server; the time for a first client to be synced, then for 100 clients joining at once.
 */
export async function join(context: ScenarioContext): Promise<RunResult> {
  const joiners = context.quick ? 10 : 100;
  const trace = readTraceUpdates(context.traceCache);
  const documentId = `join-${Date.now().toString(36)}`;
  await context.createDocuments([documentId]);
  context.progress('storing the trace document');
  const holder = await storeTraceDocument(context.target, documentId, trace.finalState);
  try {
    context.progress('first client');
    const first = new SyncOnlyClient(context.target, documentId);
    // The generator's health around one short sync: from 500 ms before, so that it has samples.
    const firstMonitor = new SelfMonitor();
    firstMonitor.start();
    await sleep(500);
    const firstStarted = performance.now();
    const firstSynced = (await first.connect()) - firstStarted;
    const firstHealth = firstMonitor.stop();
    await first.close();
    const text = textOf(first.received);
    const firstFailures = text === trace.endContent ? [] : [`the first client's document is not the trace's endContent (${text.length} characters)`];
    await sleep(500);

    context.progress(`${joiners} clients at once`);
    const clients = Array.from({ length: joiners }, () => new SyncOnlyClient(context.target, documentId));
    const gauge = new ServerGauge(context.target.pid);
    const monitor = new SelfMonitor();
    gauge.start();
    monitor.start();
    const started = performance.now();
    const results = await Promise.allSettled(clients.map((client) => client.connect()));
    const health = monitor.stop();
    const usage = gauge.stop();
    const times = new Samples();
    let failed = 0;
    for (const result of results) {
      if (result.status === 'fulfilled') times.push(result.value - started);
      else failed += 1;
    }
    const short = clients.filter((client) => (client.received?.length ?? 0) < trace.finalState.length * 0.99).length;
    const joinFailures: string[] = [];
    if (failed > 0) joinFailures.push(`${failed} of ${joiners} joiners failed`);
    if (short > 0) joinFailures.push(`${short} joiners received less than the whole document`);
    await closeAll(clients);
    const latency = summarizeLatency(times);
    return {
      steps: [
        {
          step: 'first client',
          values: { firstSyncedMs: firstSynced, syncBytes: first.received?.length ?? Number.NaN },
          health: firstHealth,
          failures: firstFailures,
        },
        {
          step: `${joiners} at once`,
          latency,
          values: {
            allSyncedMs: latency.max,
            p50: latency.p50,
            p99: latency.p99,
            max: latency.max,
            delivery: (joiners - failed - short) / joiners,
            serverCpuSeconds: usage.cpuSeconds,
            peakRss: usage.peakRssBytes,
            generatorCpu: health.cpuShare,
            generatorLagP99: health.loopDelayP99Ms,
          },
          health,
          failures: joinFailures,
        },
      ],
      notes: [
        `the document is stored as one update of ${trace.finalState.length.toLocaleString('en-US')} bytes by a client that stays connected (the document is loaded, not cold)`,
        'synced: from opening the socket to receiving sync step 2; latency rows are per joiner; delivered = joiners that received the whole document',
      ],
    };
  } finally {
    await holder.close();
  }
}

/** The text of the trace document a client received (checked once, after timing). */
function textOf(update: Uint8Array | undefined): string {
  if (update === undefined) return '';
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const text = doc.getText(TRACE_TEXT).toString();
  doc.destroy();
  return text;
}
