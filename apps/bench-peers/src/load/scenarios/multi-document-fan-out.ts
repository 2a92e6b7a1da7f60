import type { RunResult } from '../../results';
import { closeAll, connectAll, sleep } from '../connect-all';
import { DeliveryLedger } from '../delivery-ledger';
import { measureDeliveries } from '../delivery-step';
import type { ScenarioContext } from '../scenario-context';
import { typeFor } from '../typing';
import { WriterClient } from '../writer-client';

const DOCUMENTS = 10;
const CLIENTS_PER_DOCUMENT = 100;
const WRITERS_PER_DOCUMENT = 2;
const KEYS_PER_SECOND = 10;

/**
 * Scenario 1c: many documents open at once, each with a crowd — 10 documents × 100 clients, 2
 * writers per document typing 10 keys a second with a cursor update per key. Every receiver is a
 * full y-websocket peer, as a browser tab is: it sends sync step 1, applies every update to its
 * own Y.Doc and publishes its presence (a `WriterClient` that never types), so a server that does
 * more per connection (answering sync, relaying presence) pays for it here, as in a deployment.
 */
export async function multiDocumentFanOut(context: ScenarioContext): Promise<RunResult> {
  const [documents, perDocument] = context.quick ? [4, 25] : [DOCUMENTS, CLIENTS_PER_DOCUMENT];
  const windowMs = context.quick ? 3_000 : 5_000;
  const ledger = new DeliveryLedger();
  const run = Date.now().toString(36);
  const ids = Array.from({ length: documents }, (_unused, index) => `multi-${run}-${index}`);
  await context.createDocuments(ids);
  const writers: WriterClient[] = [];
  const peers: WriterClient[] = [];
  for (const [index, documentId] of ids.entries()) {
    for (let writer = 0; writer < WRITERS_PER_DOCUMENT; writer++) writers.push(new WriterClient(context.target, documentId, ledger, `writer ${index}.${writer}`, context.user));
    for (let peer = WRITERS_PER_DOCUMENT; peer < perDocument; peer++) peers.push(new WriterClient(context.target, documentId, ledger, `reader ${index}.${peer}`, context.user));
  }
  const clients = [...peers, ...writers];
  const label = `${documents} × ${perDocument}`;
  try {
    context.progress(`${label}: connecting ${clients.length} full peers`);
    await connectAll(clients);
    await typeFor(writers, KEYS_PER_SECOND, 1_000, (writer) => writer.press());
    await sleep(500);
    context.progress(`${label}: measuring ${windowMs / 1000} s`);
    const step = await measureDeliveries(label, context, ledger, perDocument - 1, () => typeFor(writers, KEYS_PER_SECOND, windowMs, (writer) => writer.press()));
    return {
      steps: [step],
      notes: [
        `${documents} documents × ${perDocument} clients, every one a full peer (sync step 1, its own Y.Doc applying every update, a presence state); ${WRITERS_PER_DOCUMENT} per document type ${KEYS_PER_SECOND} keys/s with a cursor update per key`,
      ],
    };
  } finally {
    await closeAll(clients);
  }
}
