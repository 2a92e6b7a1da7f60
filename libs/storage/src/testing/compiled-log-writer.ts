import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';

let compiled: string | undefined;

/**
 * The SQLite log's writer thread, bundled from the sources once per test process: specs run the
 * sources, and a worker thread cannot load TypeScript (the built library has it in dist, see
 * sqlite/log-writer-file.ts). better-sqlite3 stays external, its native module loaded as usual:
 * so the bundle goes under node_modules/.cache, where require finds it, named by its content so
 * that test processes share it and a changed source makes a new one.
 */
export function compiledLogWriter(): string {
  if (compiled) return compiled;
  const { outputFiles } = buildSync({
    entryPoints: [join(__dirname, '..', 'sqlite', 'log-writer-worker.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  const code = outputFiles[0].contents;
  const cache = join(dirname(dirname(require.resolve('better-sqlite3/package.json'))), '.cache');
  const file = join(cache, `quire-log-writer-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`);
  if (!existsSync(file)) {
    mkdirSync(cache, { recursive: true });
    // Written aside and renamed: a process that finds the file finds all of it.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  compiled = file;
  return file;
}
