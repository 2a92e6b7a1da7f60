import * as Y from 'yjs';
import type { RunResult } from '../../results';
import { loadTrace, replayOnString } from '../../trace';
import { readTraceUpdates, TRACE_TEXT } from '../../trace-updates';
import { sleep } from '../connect-all';
import type { ScenarioContext } from '../scenario-context';
import { SelfMonitor } from '../self-monitor';
import { ServerGauge } from '../server-gauge';
import { EMPTY_STATE_VECTOR, EMPTY_UPDATE, ProtocolSocket } from '../protocol-socket';

/** Keep at most this much queued in the writer's socket: as fast as the server reads, no faster. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Sends between looks at the socket's buffer and turns of the event loop. */
const SENDS_PER_TURN = 500;
const TIMEOUT_MS = 600_000;

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

  const marker = `quire-bench-peers-end-${Math.random().toString(36).slice(2)}`;
  const markerUpdate = markerOf(marker);
  const markerBytes = Buffer.from(marker);
  const documentId = `replay-${Date.now().toString(36)}`;
  await context.createDocuments([documentId]);
  const frames: Uint8Array[] = [];
  let doneAt = Number.NaN;
  const observer = new ProtocolSocket(context.target, documentId, {
    stateVector: () => EMPTY_STATE_VECTOR,
    answerStep1: () => EMPTY_UPDATE,
    onUpdate: (update, at) => {
      frames.push(update);
      if (Buffer.from(update.buffer, update.byteOffset, update.byteLength).includes(markerBytes)) doneAt = at;
    },
  });
  const writer = new ProtocolSocket(context.target, documentId, { stateVector: () => EMPTY_STATE_VECTOR, answerStep1: () => EMPTY_UPDATE });
  await observer.connect();
  await writer.connect();
  await sleep(300);

  context.progress(`sending ${count} updates`);
  const gauge = new ServerGauge(context.target.pid);
  const monitor = new SelfMonitor();
  gauge.start();
  monitor.start();
  const started = performance.now();
  for (let index = 0; index < updates.length; index++) {
    writer.send(writer.codec.update(updates[index]));
    if (index % SENDS_PER_TURN === SENDS_PER_TURN - 1) {
      do await new Promise((resolve) => setImmediate(resolve));
      while (writer.bufferedAmount > MAX_BUFFERED_BYTES && writer.lostReason === undefined);
    }
  }
  writer.send(writer.codec.update(markerUpdate));
  const deadline = started + TIMEOUT_MS;
  while (Number.isNaN(doneAt) && performance.now() < deadline && writer.lostReason === undefined && observer.lostReason === undefined) await sleep(5);
  const health = monitor.stop();
  const usage = gauge.stop();
  const elapsedSeconds = (doneAt - started) / 1000;
  await writer.close();
  await observer.close();

  const failures: string[] = [];
  if (Number.isNaN(doneAt)) {
    failures.push(`the observer did not receive the last update within ${TIMEOUT_MS / 1000} s (${writer.lostReason ?? observer.lostReason ?? 'timed out'})`);
  } else {
    context.progress(`checking the observer's ${frames.length} frames`);
    const text = applyAll(frames).text;
    if (text !== expected) failures.push(`the observer's text differs from the trace's end content (${text.length} vs ${expected.length} characters)`);
  }
  const opsPerSecond = count / elapsedSeconds;
  const baselineOpsPerSecond = count / (baselineMs / 1000);
  return {
    steps: [
      {
        step: `${count.toLocaleString('en-US')} operations`,
        health,
        failures,
        values: {
          opsPerSecond,
          replaySeconds: elapsedSeconds,
          baselineOpsPerSecond,
          overBaseline: opsPerSecond / baselineOpsPerSecond,
          delivery: failures.length === 0 ? 1 : Number.NaN,
          serverCpuSeconds: usage.cpuSeconds,
          cpuPerDelivery: (usage.cpuSeconds * 1e6) / count,
          peakRss: usage.peakRssBytes,
          generatorCpu: health.cpuShare,
          generatorLagP99: health.loopDelayP99Ms,
        },
      },
    ],
    notes: [
      `one writer sends each update as a y-websocket update message, keeping at most ${MAX_BUFFERED_BYTES / 1024} KiB queued; frames received by the observer: ${frames.length.toLocaleString('en-US')}`,
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

/** An update from another client, carrying `marker` verbatim: seen in a frame, the replay is through. */
function markerOf(marker: string): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array(0);
  doc.on('update', (emitted: Uint8Array) => (update = emitted));
  doc.getMap('bench').set('end', marker);
  doc.destroy();
  return update;
}
