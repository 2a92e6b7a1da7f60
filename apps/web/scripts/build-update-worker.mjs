// Builds the update worker (libs/editor's update-work/update-worker.ts, where a long document's
// first sync and a copy kept on this device are decoded and cut into parts off the page) into
// public/update-worker.js, after `next build` and before the service worker, which precaches it.
// A step of its own, as the service worker is: esbuild bundles it with Yjs. Run from apps/web
// (`nx run web:build` does).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(appDir, 'update-worker/update-worker.ts');

const result = await build({
  entryPoints: [entry],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  // The workspace libraries from their TypeScript source, as the app compiles them.
  conditions: ['@quire/source'],
  outfile: path.join(appDir, 'public/update-worker.js'),
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`update worker: public/update-worker.js (${Math.round(bytes / 1024)} KiB)`);
