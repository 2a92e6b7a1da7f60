import { join } from 'node:path';

/**
 * The built worker's file (`dist/worker.js`), for piscina's `filename`. Written as
 * `require.resolve('./worker')` so that the server image's file tracer (docker/server-standalone.mjs)
 * copies it and what it loads. Running the sources (a test runner), there is no `worker.js` to
 * resolve: the path beside this file, which only a built library has.
 */
function workerFile(): string {
  try {
    return require.resolve('./worker');
  } catch {
    return join(__dirname, 'worker.js');
  }
}

export const CONVERSION_WORKER_FILE = workerFile();
