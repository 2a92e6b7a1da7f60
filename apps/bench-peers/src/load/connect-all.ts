/** Something that can connect and sync; resolves at the moment it is synced. */
export interface Connectable {
  connect(): Promise<number>;
}

/**
 * Connects every client, at most `concurrency` at a time (a setup step, not a measurement);
 * throws with the first failure's reason and how many failed.
 */
export async function connectAll(clients: readonly Connectable[], concurrency = 50): Promise<void> {
  let next = 0;
  const failures: string[] = [];
  const worker = async () => {
    while (next < clients.length) {
      const client = clients[next++];
      await client.connect().catch((error: unknown) => failures.push(error instanceof Error ? error.message : String(error)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, clients.length) }, worker));
  if (failures.length > 0) throw new Error(`${failures.length} of ${clients.length} clients failed to connect: ${failures[0]}`);
}

/** Closes every client, waiting for each close to be answered. */
export async function closeAll(clients: readonly { close(): Promise<void> }[]): Promise<void> {
  await Promise.all(clients.map((client) => client.close()));
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Waits until `condition` holds, checking every 20 ms; false if `timeoutMs` passed first. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}
