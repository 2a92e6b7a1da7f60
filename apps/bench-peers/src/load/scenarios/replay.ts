import * as Y from 'yjs';
import type { RunResult } from '../../results';
import { loadTrace, replayOnString } from '@quire/bench-support';
import { readTraceUpdates, TRACE_TEXT } from '../../trace-updates';
import { sleep } from '../connect-all';
import type { ScenarioContext } from '../scenario-context';
import { SelfMonitor } from '../self-monitor';
import { ServerGauge } from '../server-gauge';
import { EMPTY_STATE_VECTOR, EMPTY_UPDATE, ProtocolSocket } from '../protocol-socket';

/**
 * Updates sent but not yet seen by the observer, at most: the writer goes as fast as the server
 * relays, without flooding it (a flood of 40,000 updates in the socket buffers would measure how
 * a server copes with one huge batch, not its rate). At ~25 bytes each, 1,000 are about a
 * typical 32 KiB socket read.
 */
const WINDOW = 1_000;
/** Past this the replay stops sending, waits for what it sent, and reports how far it got. */
const TIME_CAP_MS = 150_000;
const QUICK_TIME_CAP_MS = 60_000;
/** How long the observer may take to receive what was sent before the replay is declared stuck. */
const STALL_TIMEOUT_MS = 60_000;

/**
 * Scenario 7: the editing trace's 259,778 updates (one per operation, as a Y.Doc emitted them
 * while the trace was typed) sent through the server as fast as it reads them, one observer
 * receiving. Operations per second: from the first send to the observer's receipt of a marker
 * update sent after the last one (servers relay one connection's updates in order). The
 * observer keeps what it received and, after timing, applies it: its text must equal the
 * trace's. The baseline: the same updates applied one by one to a Y.Doc in this process.
 */
export async function replay(context: ScenarioContext): Promise<RunResult> {
  const trace = readTraceUpdates(context.traceCache);
  const count = context.quick ? 20_000 : trace.updates.length;
  const updates = trace.updates.slice(0, count);
  const expected = count === trace.updates.length ? trace.endContent : replayOnString(loadTrace(), count);

  context.progress(`in-process baseline: applying ${count} updates`);
  const baselineMs = applyAll(updates).elapsedMs;

  const writerClock = endClocks(updates);
  const marker = `quire-bench-peers-end-${Math.random().toString(36).slice(2)}`;
  const markerUpdate = markerOf(marker);
  const markerBytes = Buffer.from(marker);
  const documentId = `replay-${Date.now().toString(36)}`;
  await context.createDocuments([documentId]);
  const frames: Uint8Array[] = [];
  let doneAt = Number.NaN;
  let observedClock = 0;
  let progressed: (() => void) | undefined;
  const observer = new ProtocolSocket(context.target, documentId, {
    stateVector: () => EMPTY_STATE_VECTOR,
    answerStep1: () => EMPTY_UPDATE,
    onUpdate: (update, at) => {
      frames.push(update);
      const seen = Y.parseUpdateMeta(update).to.get(writerClock.client);
      if (seen !== undefined && seen > observedClock) observedClock = seen;
      if (Buffer.from(update.buffer, update.byteOffset, update.byteLength).includes(markerBytes)) doneAt = at;
      progressed?.();
    },
  });
  const writer = new ProtocolSocket(context.target, documentId, { stateVector: () => EMPTY_STATE_VECTOR, answerStep1: () => EMPTY_UPDATE });
  await observer.connect();
  await writer.connect();
  await sleep(300);

  context.progress(`sending ${count} updates`);
  const cap = context.quick ? QUICK_TIME_CAP_MS : TIME_CAP_MS;
  const gauge = new ServerGauge(context.target.pid);
  const monitor = new SelfMonitor();
  gauge.start();
  monitor.start();
  const started = performance.now();
  let sent = 0;
  let acknowledged = 0; // updates up to here are seen by the observer
  const broken = () => writer.lostReason ?? observer.lostReason;
  while (sent < count && performance.now() - started < cap && broken() === undefined) {
    while (acknowledged < sent && writerClock.end[acknowledged] <= observedClock) acknowledged += 1;
    if (sent - acknowledged < WINDOW) {
      writer.send(writer.codec.update(updates[sent]));
      sent += 1;
      // A turn of the event loop now and then, so that frames are read while sending.
      if (sent % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
    } else {
      await new Promise<void>((resolve) => {
        progressed = resolve;
        setTimeout(resolve, 50);
      });
      progressed = undefined;
    }
  }
  writer.send(writer.codec.update(markerUpdate));
  const deadline = performance.now() + STALL_TIMEOUT_MS;
  while (Number.isNaN(doneAt) && performance.now() < deadline && broken() === undefined) await sleep(5);
  const health = monitor.stop();
  const usage = gauge.stop();
  const elapsedSeconds = (doneAt - started) / 1000;
  await writer.close();
  await observer.close();

  const failures: string[] = [];
  if (sent < count) {
    failures.push(`stopped after ${(cap / 1000).toFixed(0)} s with ${sent.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} operations sent${broken() ? ` (${broken()})` : ''}`);
  }
  if (Number.isNaN(doneAt)) {
    failures.push(`the observer did not receive the last update within ${STALL_TIMEOUT_MS / 1000} s of the last send (${broken() ?? 'timed out'})`);
  } else {
    context.progress(`checking the observer's ${frames.length} frames`);
    const reference = sent === count ? expected : replayOnString(loadTrace(), sent);
    const text = applyAll(frames).text;
    if (text !== reference) failures.push(`the observer's text differs from the trace's (${text.length} vs ${reference.length} characters)`);
  }
  const opsPerSecond = sent / elapsedSeconds;
  const baselineOpsPerSecond = count / (baselineMs / 1000);
  return {
    steps: [
      {
        step: 'trace',
        health,
        failures,
        values: {
          opsPerSecond,
          replaySeconds: elapsedSeconds,
          baselineOpsPerSecond,
          overBaseline: opsPerSecond / baselineOpsPerSecond,
          delivery: sent / count,
          serverCpuSeconds: usage.cpuSeconds,
          cpuPerDelivery: (usage.cpuSeconds * 1e6) / sent,
          peakRss: usage.peakRssBytes,
          generatorCpu: health.cpuShare,
          generatorLagP99: health.loopDelayP99Ms,
        },
      },
    ],
    notes: [
      `${count.toLocaleString('en-US')} operations, one update message each; at most ${WINDOW.toLocaleString('en-US')} sent and not yet seen by the observer; stopped at ${cap / 1000} s if not through (delivered: the share of the trace that went through)`,
      'baseline: the same updates applied one by one with Y.applyUpdate to a fresh Y.Doc in the generator process, before connecting',
    ],
  };
}

/** Applies the updates one by one to a fresh Y.Doc; the time taken and the resulting text. */
function applyAll(updates: readonly Uint8Array[]): { elapsedMs: number; text: string } {
  const doc = new Y.Doc();
  const started = performance.now();
  for (const update of updates) Y.applyUpdate(doc, update);
  const elapsedMs = performance.now() - started;
  const text = doc.getText(TRACE_TEXT).toString();
  doc.destroy();
  return { elapsedMs, text };
}

/**
 * The writer's client and, for each update, its clock once that update is applied (a delete adds
 * no clock: it is seen with the insert before it, which is how the observer can tell).
 */
function endClocks(updates: readonly Uint8Array[]): { client: number; end: Float64Array } {
  let client = -1;
  let clock = 0;
  const end = new Float64Array(updates.length);
  updates.forEach((update, index) => {
    for (const [id, to] of Y.parseUpdateMeta(update).to) {
      client = id;
      clock = Math.max(clock, to);
    }
    end[index] = clock;
  });
  return { client, end };
}

/** An update from another client, carrying `marker` verbatim: seen in a frame, the replay is through. */
function markerOf(marker: string): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array(0);
  doc.on('update', (emitted: Uint8Array) => (update = emitted));
  doc.getMap('bench').set('end', marker);
  doc.destroy();
  return update;
}
