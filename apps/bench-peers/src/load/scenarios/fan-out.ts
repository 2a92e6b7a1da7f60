import type { RunResult, StepResult } from '../../results';
import { closeAll, connectAll, sleep } from '../connect-all';
import { DeliveryLedger } from '../delivery-ledger';
import { measureDeliveries } from '../delivery-step';
import type { ScenarioContext } from '../scenario-context';
import { GENERATOR_CPU_LIMIT } from '../self-monitor';
import { typeFor } from '../typing';
import { WriterClient } from '../writer-client';

/** Sizes always measured, then more while the generator stays valid. */
const SIZES = [10, 50, 100, 200];
const MORE_SIZES = [300, 400, 600, 800, 1000];
const KEYS_PER_SECOND = 5;
const WRITER_SHARE = 0.1;

/**
 * Scenario 1: one document, `n` clients, a tenth of them typing 5 keys a second with a cursor
 * update per key; every update and cursor must reach the other `n - 1` clients.
 */
export async function fanOut(context: ScenarioContext): Promise<RunResult> {
  const sizes = context.quick ? [10, 50] : SIZES;
  const windowMs = context.quick ? 3_000 : 4_000;
  const steps: StepResult[] = [];
  for (const size of sizes) steps.push(await fanOutStep(context, size, KEYS_PER_SECOND, windowMs));
  if (!context.quick) {
    for (const size of MORE_SIZES) {
      // A lag spike from other work on the machine marks a step invalid; only a generator short
      // of CPU says that a bigger document would measure the generator rather than the server.
      if (steps[steps.length - 1].health.cpuShare > GENERATOR_CPU_LIMIT) break;
      steps.push(await fanOutStep(context, size, KEYS_PER_SECOND, windowMs));
    }
  }
  return {
    steps,
    notes: [
      `${WRITER_SHARE * 100}% of the clients type ${KEYS_PER_SECOND} keys/s (real Y.Docs, y-prosemirror structure) with a cursor (awareness) update per key; the rest are full peers that do not type (sync step 1, a Y.Doc applying every update, a presence state)`,
      `sizes past 200 are measured while the generator used at most ${GENERATOR_CPU_LIMIT * 100}% of a core at the size before`,
    ],
  };
}

/** One document with `size` clients typing at `keysPerSecond` per writer for `windowMs`. */
export async function fanOutStep(
  context: ScenarioContext,
  size: number,
  keysPerSecond: number,
  windowMs: number,
  label = `${size} clients`,
  writerCount = Math.max(1, Math.round(size * WRITER_SHARE)),
): Promise<StepResult> {
  context.progress(`${label}: connecting`);
  const documentId = `fan-out-${size}-${keysPerSecond}-${Date.now().toString(36)}`;
  const ledger = new DeliveryLedger();
  await context.createDocuments([documentId]);
  const writers = Array.from({ length: writerCount }, (_unused, index) => new WriterClient(context.target, documentId, ledger, `writer ${index}`, context.user));
  // Receivers are full peers, as browser tabs are (sync step 1, a Y.Doc, presence): writers that never type.
  const receivers = Array.from({ length: size - writerCount }, (_unused, index) => new WriterClient(context.target, documentId, ledger, `reader ${index}`, context.user));
  const clients = [...receivers, ...writers];
  try {
    await connectAll(clients);
    // Unmeasured: warms the server's and the generator's code paths and settles the joins.
    await typeFor(writers, keysPerSecond, 1_000, (writer) => writer.press());
    await sleep(500);
    context.progress(`${label}: measuring ${windowMs / 1000} s`);
    return await measureDeliveries(label, context, ledger, size - 1, () =>
      typeFor(writers, keysPerSecond, windowMs, (writer) => writer.press()),
    );
  } finally {
    await closeAll(clients);
  }
}
