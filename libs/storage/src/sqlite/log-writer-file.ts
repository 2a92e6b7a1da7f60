import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The compiled writer thread (`dist/sqlite/log-writer-worker.js`), or `undefined` when there is
 * none: running the sources (a test runner), the log then writes on the calling thread. Written as
 * `require.resolve('./log-writer-worker')` so that the server image's file tracer
 * (docker/server-standalone.mjs) copies it and what it loads, as libs/content's worker-file.ts does.
 */
function writerFile(): string | undefined {
  let file: string;
  try {
    file = require.resolve('./log-writer-worker');
  } catch {
    file = join(__dirname, 'log-writer-worker.js');
  }
  return file.endsWith('.js') && existsSync(file) ? file : undefined;
}

export const LOG_WRITER_FILE = writerFile();
