import { encodeAwarenessUpdate } from '@quire/protocol';
import type { RunResult } from '../../results';
import { closeAll, connectAll, sleep } from '../connect-all';
import { DeliveryLedger } from '../delivery-ledger';
import { measureDeliveries } from '../delivery-step';
import { LeanClient } from '../lean-client';
import type { ScenarioContext } from '../scenario-context';
import { typeFor } from '../typing';

const MOVES_PER_SECOND = 10;

/** A lean client that also moves a cursor: it publishes awareness states with its own clock. */
class CursorMover {
  readonly client: LeanClient;
  private clock = 0;

  constructor(
    context: ScenarioContext,
    documentId: string,
    private readonly ledger: DeliveryLedger,
    readonly clientId: number,
    private readonly user = context.user ?? { id: `bench-${clientId}`, name: `mover ${clientId}` },
  ) {
    this.client = new LeanClient(context.target, documentId, ledger, clientId);
  }

  connect(): Promise<number> {
    return this.client.socket.connect();
  }

  close(): Promise<void> {
    return this.client.socket.close();
  }

  /** Publishes the next cursor position, as y-prosemirror does on a selection change. */
  move(): void {
    this.clock += 1;
    const head = { type: null, tname: 'prosemirror', item: { client: this.clientId, clock: this.clock % 1000 }, assoc: 0 };
    const state = { user: { id: this.user.id, name: this.user.name, color: '#ee6352' }, cursor: { anchor: head, head } };
    const payload = encodeAwarenessUpdate([{ clientId: this.clientId, clock: this.clock, state }]);
    this.ledger.sentAwareness(this.clientId, this.clock, performance.now());
    this.client.socket.send(this.client.socket.codec.awareness(payload));
  }
}

/** Scenario 6: 200 clients on one document, every one moving its cursor 10 times a second. */
export async function awarenessStorm(context: ScenarioContext): Promise<RunResult> {
  const count = context.quick ? 50 : 200;
  const windowMs = 3_000;
  const ledger = new DeliveryLedger();
  const documentId = `awareness-${Date.now().toString(36)}`;
  await context.createDocuments([documentId]);
  const movers = Array.from({ length: count }, (_unused, index) => new CursorMover(context, documentId, ledger, 1_000_000 + index));
  try {
    context.progress(`connecting ${count} clients`);
    await connectAll(movers);
    await typeFor(movers, MOVES_PER_SECOND, 1_000, (mover) => mover.move());
    await sleep(500);
    context.progress(`measuring ${windowMs / 1000} s`);
    const step = await measureDeliveries(`${count} clients`, context, ledger, count - 1, () =>
      typeFor(movers, MOVES_PER_SECOND, windowMs, (mover) => mover.move()),
    );
    return {
      steps: [step],
      notes: [
        `${count} lean clients each publish a cursor (awareness state, ~200 B) ${MOVES_PER_SECOND} times a second`,
        'a state with clock c delivers every earlier state of that client not yet seen: a server may merge moves, the newest supersedes',
      ],
    };
  } finally {
    await closeAll(movers);
  }
}
