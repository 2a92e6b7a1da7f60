// Builds the service worker (service-worker/sw.ts) into public/sw.js after `next build`: esbuild
// bundles it with Serwist, and @serwist/build's injectManifest writes in the list of the build's
// static files to precache. A step of its own because @serwist/next's plugin hooks webpack, and
// `next build` here runs Turbopack. Run from apps/web (`nx run web:build` does).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { injectManifest } from '@serwist/build';
import { build } from 'esbuild';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workDir = mkdtempSync(path.join(tmpdir(), 'quire-sw-'));
const bundled = path.join(workDir, 'sw.js');
// The update worker (scripts/build-update-worker.mjs, run before this): kept too, so that a long
// document opened with no network is still read off the page.
const updateWorker = path.join(appDir, 'public/update-worker.js');
if (!existsSync(updateWorker)) throw new Error('service worker: public/update-worker.js is missing (run scripts/build-update-worker.mjs first)');
const updateWorkerRevision = createHash('sha256').update(readFileSync(updateWorker)).digest('hex').slice(0, 16);

try {
  await build({
    entryPoints: [path.join(appDir, 'service-worker/sw.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    outfile: bundled,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const { count, size, warnings } = await injectManifest({
    swSrc: bundled,
    swDest: path.join(appDir, 'public/sw.js'),
    globDirectory: path.join(appDir, '.next'),
    globPatterns: ['static/**/*.{js,css,woff,woff2,svg,png,ico,webp,avif,jpg,jpeg,gif}'],
    modifyURLPrefix: { 'static/': '/_next/static/' },
    // Their names carry a hash of their content: no revision needed.
    dontCacheBustURLsMatching: /^\/_next\/static\//,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    additionalPrecacheEntries: [{ url: '/update-worker.js', revision: updateWorkerRevision }],
  });
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  if (count === 0) throw new Error('service worker: no files to precache in .next/static (did `next build` run?)');
  console.log(`service worker: public/sw.js precaches ${count} files (${Math.round(size / 1024)} KiB)`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
