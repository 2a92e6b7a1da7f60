import { doUpdateWork, type CopyRead, type UpdateWork, type UpdateWorkResult } from './update-work';

/** Where the page's update worker script is; null: the work runs on the page. */
let workerUrl: string | null = null;
/** The worker: undefined until first needed, null once it could not start or failed. */
let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, { work: UpdateWork; settle: (result: UpdateWorkResult) => void }>();

/**
 * Tells the editor where the app serves its update worker (update-worker.ts; apps/web serves it at
 * `/update-worker.js`), and starts it, so that it is ready when a long document's first sync
 * arrives. Without a URL (unit tests, `next dev`), or where workers cannot start, the same work
 * runs on the page.
 */
export function setUpdateWorkerUrl(url: string | null): void {
  if (url === workerUrl) return;
  workerUrl = url;
  worker?.terminate();
  worker = undefined;
  if (url) start();
}

function start(): Worker | null {
  if (worker !== undefined) return worker;
  if (!workerUrl || typeof Worker === 'undefined') return (worker = null);
  try {
    const started = new Worker(workerUrl, { name: 'quire-update-work' });
    started.onmessage = (event: MessageEvent<{ id: number; result: UpdateWorkResult }>) => {
      const entry = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      entry?.settle(event.data.result);
    };
    // The script did not load (offline without it kept, a build without it) or the worker broke:
    // what it was given, and everything after, is done on the page.
    started.onerror = (event) => {
      event.preventDefault();
      fail(started);
    };
    started.onmessageerror = () => fail(started);
    return (worker = started);
  } catch {
    return (worker = null);
  }
}

function fail(failed: Worker): void {
  if (worker !== failed) return;
  failed.terminate();
  worker = null;
  const left = [...waiting.values()];
  waiting.clear();
  for (const { work, settle } of left) settle(doUpdateWork(work));
}

function run(work: UpdateWork): Promise<UpdateWorkResult> {
  const running = start();
  if (!running) return Promise.resolve(doUpdateWork(work));
  return new Promise((settle) => {
    const id = nextId++;
    waiting.set(id, { work, settle });
    running.postMessage({ id, work });
  });
}

function read(result: UpdateWorkResult): CopyRead {
  if ('error' in result) throw new Error(result.error);
  return result;
}

/**
 * `update` as parts to apply one per task (a small one whole), cut off the page where it can be;
 * rejects with Yjs's error for an update it cannot read.
 */
export async function updateParts(update: Uint8Array): Promise<Uint8Array[]> {
  // A copy of its own: a first sync's update is a view into its message.
  return read(await run({ kind: 'parts', update: update.slice() })).parts;
}

/** Reads a copy kept on this device (update-work.ts's readCopy), off the page where it can be. */
export async function readCopyOffThePage(updates: readonly Uint8Array[]): Promise<CopyRead> {
  return read(await run({ kind: 'copy', updates: [...updates] }));
}
