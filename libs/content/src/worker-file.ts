import { join } from 'node:path';

/**
 * The built worker's file (`dist/worker.js`), for piscina's `filename`. Written as
 * `require.resolve('./worker')` so that the server image's file tracer (docker/server-standalone.mjs)
 * copies it and what it loads; outside CommonJS (tests running the sources) the path beside this file.
 */
export const CONVERSION_WORKER_FILE = typeof require === 'function' ? require.resolve('./worker') : join(__dirname, 'worker.js');
