import { doUpdateWork, type UpdateWork } from './update-work';

/** The part of a dedicated worker's global scope the update worker uses. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; work: UpdateWork }>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

/**
 * Answers the page's update work (update-work.ts) in a dedicated worker: the entry the app bundles
 * into its worker script (apps/web/scripts/build-update-worker.mjs). The parts go back
 * transferred, not copied.
 */
export function serveUpdateWork(scope: WorkerScope): void {
  scope.onmessage = (event) => {
    const result = doUpdateWork(event.data.work);
    const transfer = 'parts' in result ? [...new Set(result.parts.map((part) => part.buffer as ArrayBuffer))] : [];
    scope.postMessage({ id: event.data.id, result }, transfer);
  };
}
