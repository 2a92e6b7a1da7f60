import { join } from 'node:path';

/**
 * The built worker's file (`dist/worker.js`), for piscina's `filename`: beside this file once the
 * library is built (tests that run the sources convert in their own thread instead).
 */
export const CONVERSION_WORKER_FILE = join(__dirname, 'worker.js');
