import * as Y from 'yjs';
import { setUpAdmin, type Account } from '../access';
import { randomEdit, seededRandom } from '../random-edits';
import { startServer, temporaryDataDir } from '../server-process';
import { connectStockClient, eventually, synced, type StockClient } from '../stock-client';
import { readServer, type ServerReading } from './server-metrics';

export interface SoakOptions {
  readonly durationMs: number;
  readonly seed: number;
  /** Documents the clients spread over; each is loaded and unloaded many times. */
  readonly documents: number;
  /** Clients opened (and closed) per cycle. */
  readonly clientsPerCycle: number;
  readonly sampleEveryMs: number;
  readonly log: (line: string) => void;
}

export interface SoakResult {
  readonly cycles: number;
  readonly connectionsOpened: number;
  readonly edits: number;
  readonly start: ServerReading;
  readonly end: ServerReading;
  readonly samples: ReadonlyArray<{ readonly atMs: number; readonly reading: ServerReading }>;
  /** Heap after a forced GC at the end over the same at the start. */
  readonly heapRatio: number;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function row(atMs: number, reading: ServerReading): string {
  return `${(atMs / 1000).toFixed(0).padStart(6)} s  heap ${mib(reading.heapUsedBytes).padStart(7)} MiB  rss ${mib(reading.rssBytes).padStart(7)} MiB  fds ${String(reading.openFds).padStart(4)}  documents ${String(reading.documentsLoaded).padStart(3)}  connections ${String(reading.connections).padStart(4)}`;
}

async function collectedReading(server: { child: { kill(signal: NodeJS.Signals): boolean }; httpUrl: string }): Promise<ServerReading> {
  server.child.kill('SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 300));
  return readServer(server.httpUrl);
}

/**
 * Drives a real server with connects, edits, presence, disconnects and document loads/unloads for
 * a while, sampling its memory and descriptors; at the end every client leaves and the readings
 * are compared with the start (after forced collections, so only what is retained counts).
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const random = seededRandom(options.seed);
  const data = temporaryDataDir();
  const server = await startServer({
    dataDir: data.dir,
    nodeArgs: ['--expose-gc'],
    env: { DOCUMENT_UNLOAD_DELAY_MS: '300', LOG_LEVEL: 'warn', CONNECT_BURST_PER_ADDRESS: '100000', CONNECT_RATE_PER_ADDRESS: '100000' },
  });
  try {
    const account = await setUpAdmin(server);
    const documentIds = Array.from({ length: options.documents }, (_, index) => `soak-${index}`);
    for (const id of documentIds) await account.createDocument(id);
    const pick = () => documentIds[Math.floor(random() * documentIds.length)];
    // Warm-up: every code path runs for a while (documents load and unload, the JIT settles, metric
    // label sets fill), so the baseline is a working server, not a freshly started one.
    const warmUpUntil = Date.now() + Math.min(30_000, Math.max(3_000, options.durationMs / 20));
    while (Date.now() < warmUpUntil) {
      await cycle(account, pick(), options.clientsPerCycle, random);
    }
    await waitForUnload(server.httpUrl);
    const start = await collectedReading(server);
    options.log(`start (after GC)  ${row(0, start)}`);

    const samples: Array<{ atMs: number; reading: ServerReading }> = [];
    const began = Date.now();
    let nextSample = options.sampleEveryMs;
    let cycles = 0;
    let connectionsOpened = 0;
    let edits = 0;
    while (Date.now() - began < options.durationMs) {
      const result = await cycle(account, pick(), options.clientsPerCycle, random);
      cycles++;
      connectionsOpened += result.clients;
      edits += result.edits;
      const elapsed = Date.now() - began;
      if (elapsed >= nextSample) {
        nextSample += options.sampleEveryMs;
        const reading = await readServer(server.httpUrl);
        samples.push({ atMs: elapsed, reading });
        options.log(row(elapsed, reading));
      }
    }

    await waitForUnload(server.httpUrl);
    const end = await collectedReading(server);
    options.log(`end (after GC)    ${row(Date.now() - began, end)}`);
    return { cycles, connectionsOpened, edits, start, end, samples, heapRatio: end.heapUsedBytes / start.heapUsedBytes };
  } finally {
    await server.stop();
    data.remove();
  }
}

async function waitForUnload(httpUrl: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const reading = await readServer(httpUrl);
    if ((reading.documentsLoaded === 0 && reading.connections === 0) || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A few clients open one document with a fresh single-use ticket each (as browsers do), edit it and
 * show presence (as the ticket's user: the server drops any other), then all leave.
 */
async function cycle(account: Account, documentId: string, count: number, random: () => number): Promise<{ clients: number; edits: number }> {
  const clients: StockClient[] = [];
  let edits = 0;
  try {
    for (let i = 0; i < count; i++) {
      const { ticket } = await account.ticket(documentId, 'session');
      clients.push(connectStockClient(account.wsUrl, documentId, { params: { token: ticket } }));
    }
    await Promise.all(clients.map((client) => synced(client)));
    for (const client of clients) client.provider.awareness.setLocalState(account.awareness());
    for (let round = 0; round < 5; round++) {
      for (const [index, client] of clients.entries()) {
        randomEdit(client.fragment, random, `s${index}`);
        edits++;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const first = clients[0];
    await eventually(
      () => clients.every((client) => Buffer.from(Y.encodeStateVector(client.doc)).equals(Buffer.from(Y.encodeStateVector(first.doc)))),
      `clients of ${documentId} converge`,
    );
  } finally {
    for (const client of clients) client.destroy();
  }
  return { clients: count, edits };
}
