import * as Y from 'yjs';
import type { Account } from '../access';
import { randomEdit, seededRandom } from '../random-edits';
import { connectStockClient, contentOf, eventually, synced, type StockClient } from '../stock-client';

/** A document as a fresh stock client receives it. */
export interface CanarySnapshot {
  readonly documentId: string;
  readonly stateVector: Uint8Array;
  readonly update: Uint8Array;
  readonly content: string;
}

/**
 * Writes each canary document through a stock client, waits until a second client receives it
 * (so it is stored), and returns what a fresh client sees: the reference for after the run.
 */
export async function writeCanaries(account: Account, documentIds: readonly string[], seed: number): Promise<CanarySnapshot[]> {
  const random = seededRandom(seed ^ 0xca4a);
  const snapshots: CanarySnapshot[] = [];
  for (const documentId of documentIds) {
    const writer = connectStockClient(account.wsUrl, documentId, { params: account.params });
    try {
      await synced(writer);
      for (let i = 0; i < 40; i++) randomEdit(writer.fragment, random, `canary${i}`);
      const expected = contentOf(writer);
      const reader = connectStockClient(account.wsUrl, documentId, { params: account.params });
      try {
        await synced(reader);
        await eventually(() => contentOf(reader) === expected, `a second client receives canary ${documentId}`);
      } finally {
        reader.destroy();
      }
    } finally {
      writer.destroy();
    }
    snapshots.push(await readCanary(account, documentId));
  }
  return snapshots;
}

/** What a fresh stock client receives of `documentId`. */
export async function readCanary(account: Account, documentId: string): Promise<CanarySnapshot> {
  const client = connectStockClient(account.wsUrl, documentId, { params: account.params });
  try {
    await synced(client);
    return {
      documentId,
      stateVector: Y.encodeStateVector(client.doc),
      update: Y.encodeStateAsUpdate(client.doc),
      content: contentOf(client),
    };
  } finally {
    client.destroy();
  }
}

/** How `after` differs from `before`, or undefined when it is byte-identical. */
export function canaryDifference(before: CanarySnapshot, after: CanarySnapshot): string | undefined {
  if (after.content !== before.content) return `content changed:\n  before ${before.content}\n  after  ${after.content}`;
  if (!sameBytes(after.stateVector, before.stateVector)) return 'state vector changed';
  if (!sameBytes(after.update, before.update)) return 'encoded state changed';
  return undefined;
}

/**
 * Two stock clients that stay connected to a canary during the run; counts how often either lost
 * the server. Two, because each keeps the other's connection busy with its awareness renewals:
 * alone, a stock client that hears nothing for 30 s reconnects by itself.
 */
export interface Bystanders {
  readonly clients: readonly StockClient[];
  disconnects(): number;
}

export async function connectBystanders(account: Account, documentId: string): Promise<Bystanders> {
  const clients = [0, 1].map(() => connectStockClient(account.wsUrl, documentId, { params: account.params }));
  await Promise.all(clients.map((client) => synced(client)));
  // As a browser would: a presence with the connection's own user, which the server relays.
  for (const client of clients) client.provider.awareness.setLocalState(account.awareness());
  let disconnects = 0;
  for (const client of clients) {
    client.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'disconnected') disconnects++;
    });
  }
  return { clients, disconnects: () => disconnects };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
