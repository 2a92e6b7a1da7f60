// Marks the app's JavaScript chunks for eager compilation, after `next build` and before the
// service worker is built (it precaches the chunks under a revision of their content). Run from
// apps/web (`nx run web:build` does).
//
// Why: V8 compiles a function when it is first called, on the main thread, and Turbopack's chunks
// hold the app's modules as functions called only when the page requires them. Opening a document
// by its address then compiled the editor's modules inside React's render task (38 ms of one 105 ms
// task on the reference machine; apps/web-e2e README, `comments-performance`). The magic comment
// `//# allFunctionsCalledOnLoad` (Chrome 136 and later; other browsers ignore it) has V8 compile the
// whole file while it streams in, off the main thread. The chunks are the code the app's pages run,
// so little compiled this way goes unused.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HINT = '//# allFunctionsCalledOnLoad\n';
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chunksDir = path.join(appDir, '.next/static/chunks');

let marked = 0;
let bytes = 0;
for (const entry of await readdir(chunksDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const file = path.join(entry.parentPath, entry.name);
  const source = await readFile(file, 'utf8');
  bytes += source.length;
  // Idempotent: a build directory marked once is left as it is.
  if (source.startsWith(HINT)) continue;
  await writeFile(file, HINT + source);
  marked += 1;
}
console.log(`eager compile hint: ${marked} chunks marked (${Math.round(bytes / 1024)} KiB) in .next/static/chunks`);
