import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * This process's heap in use after a full garbage collection, so that differences measure what is
 * retained, not garbage waiting to be collected. Without `--expose-gc` (the run targets start
 * plain `node`) the flag is set at run time, and a new context picks it up.
 */
export function heapUsedAfterGc(): number {
  if (collect === undefined) {
    const global = globalThis as { gc?: () => void };
    if (global.gc) collect = global.gc;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  // Twice: the first pass can leave objects that only the second finds unreachable (weak maps, finalizers).
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
