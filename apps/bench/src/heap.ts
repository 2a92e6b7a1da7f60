import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Heap in use after a full garbage collection, so that differences measure what is retained, not
 * garbage waiting to be collected. `gc` is exposed at run time because the run target starts plain
 * `node` (no `--expose-gc`); a new context picks the flag up.
 */
export function heapUsedAfterGc(): number {
  if (gc === undefined) {
    const global = globalThis as { gc?: () => void };
    if (global.gc) gc = global.gc;
    else {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
  }
  // Twice: the first pass can leave objects that only the second finds unreachable (weak maps, finalizers).
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
