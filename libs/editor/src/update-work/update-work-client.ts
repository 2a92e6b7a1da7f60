import { nextTask } from '../next-task';
import type { CopyRead, UpdateWork, UpdateWorkResult } from './update-work';

/** Where the page's update worker script is; null: the work runs on the page. */
let workerUrl: string | null = null;
/** The worker: undefined until first needed, null once it could not start or failed. */
let worker: Worker | null | undefined;
let nextId = 1;
/** What each request waits for, by id: the worker's parts, or null to do the work on the page. */
const waiting = new Map<number, (read: CopyRead | null) => void>();

/**
 * Tells the editor where the app serves its update worker (update-worker.ts; apps/web serves it at
 * `/update-worker.js`), and starts it in the next task, so that it is ready when a long document's
 * first sync arrives. Without a URL (unit tests, `next dev`), where workers cannot start, once the
 * worker failed, or for an update it could not read, the functions below answer null and the
 * callers do the work on the page, a part at a time as before there was a worker (an unreadable
 * update then fails there, as Yjs says).
 */
export function setUpdateWorkerUrl(url: string | null): void {
  if (url === workerUrl) return;
  workerUrl = url;
  // What the old one was given is done on the page.
  if (worker) fail(worker);
  worker = undefined;
  // In a task of its own: making a worker held the page 13 ms, in the task that mounts the editor.
  if (url) nextTask(start);
}

function start(): Worker | null {
  if (worker !== undefined) return worker;
  if (!workerUrl || typeof Worker === 'undefined') return (worker = null);
  try {
    const started = new Worker(workerUrl, { name: 'quire-update-work' });
    started.onmessage = (event: MessageEvent<{ id: number; result: UpdateWorkResult }>) => {
      const settle = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      const { result } = event.data;
      settle?.('error' in result ? null : result);
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
  for (const settle of left) settle(null);
}

function run(work: UpdateWork): Promise<CopyRead | null> {
  const running = start();
  if (!running) return Promise.resolve(null);
  return new Promise((settle) => {
    const id = nextId++;
    waiting.set(id, settle);
    running.postMessage({ id, work });
  });
}

/** `update` as parts to apply one per task (update-work.ts's partsOfUpdate), cut in the worker; null: cut it on the page. */
export async function updatePartsOffThePage(update: Uint8Array): Promise<Uint8Array[] | null> {
  // A copy of its own: a first sync's update is a view into its message.
  return (await run({ kind: 'parts', update: update.slice() }))?.parts ?? null;
}

/** A kept copy read in the worker (update-work.ts's readKeptCopy): whether it is whole, and its parts; null: read it on the page. */
export function readCopyOffThePage(updates: readonly Uint8Array[]): Promise<CopyRead | null> {
  return run({ kind: 'copy', updates: [...updates] });
}
