import type { RunResult } from '../../results';
import { closeAll, connectAll, sleep } from '../connect-all';
import { DeliveryLedger } from '../delivery-ledger';
import { measureDeliveries } from '../delivery-step';
import type { ScenarioContext } from '../scenario-context';
import { typeFor } from '../typing';
import { WriterClient } from '../writer-client';

const CLIENTS_PER_DOCUMENT = 4;
const OPS_PER_SECOND = 2;

/**
 * Scenario 2: 500 documents with 4 clients each, one of them a writer typing 2 keys a second
 * (each key with its cursor): many small rooms, as a team's documents are used.
 */
export async function manyDocuments(context: ScenarioContext): Promise<RunResult> {
  const documents = context.quick ? 50 : 500;
  const windowMs = context.quick ? 3_000 : 5_000;
  const ledger = new DeliveryLedger();
  const run = Date.now().toString(36);
  const writers: WriterClient[] = [];
  const receivers: WriterClient[] = [];
  const ids = Array.from({ length: documents }, (_unused, index) => `many-${run}-${index}`);
  await context.createDocuments(ids);
  for (const [index, documentId] of ids.entries()) {
    writers.push(new WriterClient(context.target, documentId, ledger, `writer ${index}`, context.user));
    // Full peers, as browser tabs are (sync step 1, a Y.Doc, presence): writers that never type.
    for (let reader = 1; reader < CLIENTS_PER_DOCUMENT; reader++) receivers.push(new WriterClient(context.target, documentId, ledger, `reader ${index}.${reader}`, context.user));
  }
  const clients = [...receivers, ...writers];
  try {
    context.progress(`connecting ${clients.length} clients to ${documents} documents`);
    await connectAll(clients);
    await typeFor(writers, OPS_PER_SECOND, 1_000, (writer) => writer.press());
    await sleep(500);
    context.progress(`measuring ${windowMs / 1000} s`);
    const step = await measureDeliveries(`${documents} × ${CLIENTS_PER_DOCUMENT}`, context, ledger, CLIENTS_PER_DOCUMENT - 1, () =>
      typeFor(writers, OPS_PER_SECOND, windowMs, (writer) => writer.press()),
    );
    return {
      steps: [step],
      notes: [`${documents} documents × ${CLIENTS_PER_DOCUMENT} clients: one writer each at ${OPS_PER_SECOND} keys/s, a cursor update per key; 3 receivers each, full peers (sync, a Y.Doc, presence)`],
    };
  } finally {
    await closeAll(clients);
  }
}
