import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';

let compiled: string | undefined;

/**
 * The SQLite log's writer thread, bundled from the sources once per test process: specs run the
 * sources, and a worker thread cannot load TypeScript (the built library has it in dist, see
 * sqlite/log-writer-file.ts). better-sqlite3 stays external, its native module loaded as usual:
 * so the bundle goes under node_modules/.cache, where require finds it, and is removed on exit.
 */
export function compiledLogWriter(): string {
  if (compiled) return compiled;
  const cache = join(dirname(dirname(require.resolve('better-sqlite3/package.json'))), '.cache');
  mkdirSync(cache, { recursive: true });
  const directory = mkdtempSync(join(cache, 'quire-log-writer-'));
  process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
  const outfile = join(directory, 'log-writer-worker.js');
  buildSync({
    entryPoints: [join(__dirname, '..', 'sqlite', 'log-writer-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  compiled = outfile;
  return outfile;
}
