import * as Y from 'yjs';
import type { RunResult } from '../../results';
import { readTraceUpdates } from '../../trace-updates';
import { closeAll, connectAll, sleep } from '../connect-all';
import { DeliveryLedger } from '../delivery-ledger';
import { heapUsedAfterGc } from '@quire/bench-support';
import { LeanClient } from '../lean-client';
import type { ScenarioContext } from '../scenario-context';
import { SelfMonitor } from '../self-monitor';
import { ServerGauge } from '../server-gauge';
import { storeTraceDocument } from '../trace-document';

/**
 * Scenario 5a: 10,000 idle connections (100 documents × 100), and what each costs the server:
 * its RSS and heap (after a full GC, read by the probe inside the server) before and after,
 * divided by the connections.
 */
export async function idleConnections(context: ScenarioContext): Promise<RunResult> {
  const count = context.quick ? 1_000 : 10_000;
  const documents = context.quick ? 10 : 100;
  const run = Date.now().toString(36);
  const ledger = new DeliveryLedger();
  await context.createDocuments(Array.from({ length: documents }, (_unused, index) => `idle-${run}-${index}`));
  const clients = Array.from({ length: count }, (_unused, index) => new LeanClient(context.target, `idle-${run}-${index % documents}`, ledger).socket);
  const before = await context.probe({ gc: true, resetLoop: false });
  const gauge = new ServerGauge(context.target.pid);
  const monitor = new SelfMonitor();
  gauge.start();
  monitor.start();
  context.progress(`connecting ${count} idle clients`);
  try {
    await connectAll(clients, 100);
    await sleep(1_000);
    const after = await context.probe({ gc: true, resetLoop: false });
    const health = monitor.stop({ timed: false });
    const usage = gauge.stop();
    const lost = clients.filter((client) => client.lostReason !== undefined).length;
    return {
      steps: [
        {
          step: `${count.toLocaleString('en-US')} idle`,
          health,
          failures: lost > 0 ? [`${lost} connections were closed while idle`] : [],
          values: {
            rssPerConnection: (after.rssBytes - before.rssBytes) / count,
            heapPerConnection: (after.heapUsedBytes - before.heapUsedBytes) / count,
            peakRss: usage.peakRssBytes,
            serverCpuSeconds: usage.cpuSeconds,
            generatorCpu: health.cpuShare,
          },
        },
      ],
      notes: [
        `${count} lean clients over ${documents} empty documents (one empty document per 100 connections is part of the cost), synced, then idle for 1 s`,
        'per connection: (RSS after − RSS before) ÷ connections, and the same for the heap after a full GC (the probe preloaded into every server)',
        'memory figures do not depend on the generator\'s speed: its load is reported but does not make them invalid',
      ],
    };
  } finally {
    await closeAll(clients);
  }
}

/**
 * Scenario 5b: the heap one loaded editing-trace document takes in the server (after a full GC,
 * with the one client that holds it open), against what Yjs itself needs for it: the heap a
 * Y.Doc built from the same update retains in the generator.
 */
export async function traceHeap(context: ScenarioContext): Promise<RunResult> {
  const trace = readTraceUpdates(context.traceCache);
  const yjsHeap = yjsAlone(trace.finalState);
  const before = await context.probe({ gc: true, resetLoop: false });
  const monitor = new SelfMonitor();
  monitor.start();
  context.progress('storing the trace document');
  const documentId = `heap-${Date.now().toString(36)}`;
  await context.createDocuments([documentId]);
  const holder = await storeTraceDocument(context.target, documentId, trace.finalState);
  try {
    await sleep(500);
    const after = await context.probe({ gc: true, resetLoop: false });
    const health = monitor.stop({ timed: false });
    const heapDelta = after.heapUsedBytes - before.heapUsedBytes;
    return {
      steps: [
        {
          step: 'trace document',
          health,
          failures: [],
          values: { heapDelta, rssDelta: after.rssBytes - before.rssBytes, yjsHeap, heapOverYjs: heapDelta / yjsHeap },
        },
      ],
      notes: ['heap: after − before, each after a full GC inside the server; the document is held open by one client'],
    };
  } finally {
    await holder.close();
  }
}

function yjsAlone(state: Uint8Array): number {
  const before = heapUsedAfterGc();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const after = heapUsedAfterGc();
  doc.destroy();
  return after - before;
}

/**
 * How much the lows of a series rose from its first cycles to its last: the minimum of the last
 * fifth minus the minimum of the first fifth (at least one cycle each). Memory a server holds for
 * a while and then releases (timers, pools) makes the readings saw up and down; comparing the last
 * reading with the first then measures the phase of the saw, while a leak lifts the lows.
 */
export function driftOfLows(series: readonly number[]): number {
  const window = Math.max(1, Math.floor(series.length / 5));
  return Math.min(...series.slice(-window)) - Math.min(...series.slice(0, window));
}

/**
 * Scenario 5c: 20 cycles of 1,000 clients connecting (10 documents × 100) and disconnecting;
 * the server's heap and RSS after each cycle (after a full GC). Drift: the lowest of the last
 * cycles minus the lowest of the first ones ({@link driftOfLows}).
 */
export async function churn(context: ScenarioContext): Promise<RunResult> {
  const cycles = context.quick ? 3 : 20;
  const perCycle = context.quick ? 200 : 1_000;
  const documents = 10;
  const run = Date.now().toString(36);
  await context.createDocuments(Array.from({ length: documents }, (_unused, index) => `churn-${run}-${index}`));
  const heap: number[] = [];
  const rss: number[] = [];
  const gauge = new ServerGauge(context.target.pid);
  const monitor = new SelfMonitor();
  gauge.start();
  monitor.start();
  for (let cycle = 0; cycle < cycles; cycle++) {
    context.progress(`cycle ${cycle + 1} of ${cycles}`);
    const ledger = new DeliveryLedger();
    const clients = Array.from({ length: perCycle }, (_unused, index) => new LeanClient(context.target, `churn-${run}-${index % documents}`, ledger).socket);
    await connectAll(clients, 100);
    await closeAll(clients);
    await sleep(200);
    const reading = await context.probe({ gc: true, resetLoop: false });
    heap.push(reading.heapUsedBytes);
    rss.push(reading.rssBytes);
  }
  const health = monitor.stop({ timed: false });
  const usage = gauge.stop();
  return {
    steps: [
      {
        step: `${cycles} × ${perCycle.toLocaleString('en-US')}`,
        health,
        failures: [],
        series: { heapAfterCycle: heap, rssAfterCycle: rss },
        values: {
          heapDrift: driftOfLows(heap),
          rssDrift: driftOfLows(rss),
          peakRss: usage.peakRssBytes,
          serverCpuSeconds: usage.cpuSeconds,
          generatorCpu: health.cpuShare,
        },
      },
    ],
    notes: [
      `each cycle: ${perCycle} lean clients connect and sync over ${documents} documents (the same ones every cycle), then all disconnect; 200 ms later the probe reads heap (after GC) and RSS`,
    ],
  };
}
