import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app compiles the workspace libraries from their TypeScript source (tsconfig `paths`), and
 * those live outside apps/web: Turbopack resolves and traces files only under its root, so the
 * root is the repository.
 */
const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: workspaceRoot },
  // One function per module, not Turbopack's merged ones: prosemirror-model reads `new Error().stack`
  // as it loads (its v8InternHack), and V8 then reparses every function on the stack for its source
  // positions. Merged, that was the editor's 883 KB module function: 31 ms of main thread inside
  // React's render task when a document opens by its address (apps/web-e2e README,
  // `comments-performance`; scripts/hint-eager-compile.mjs is the other half of that work).
  experimental: { turbopackScopeHoisting: false },
  outputFileTracingRoot: workspaceRoot,
  // The Docker image (docker/web.Dockerfile) sets QUIRE_WEB_OUTPUT=standalone: .next/standalone
  // then holds the server and only the node_modules files it uses. Not by default, since
  // `next start` (npm start, the browser tests) warns about that output.
  ...(process.env.QUIRE_WEB_OUTPUT === 'standalone' ? { output: 'standalone' } : {}),
  // QUIRE_WEB_PROFILING=1 (nx run web:build-profiling, and `next start` of that build): React's
  // profiling build, in which <Profiler> reports commits, so apps/web-e2e's render-counts spec can
  // count them. Built into a directory of its own, beside the production build in .next.
  // That build registers no service worker: public/sw.js is the production build's (precaching its
  // chunks), built after it by scripts/build-service-worker.mjs.
  ...(process.env.QUIRE_WEB_PROFILING === '1'
    ? { reactProductionProfiling: true, distDir: '.next-profiling', env: { QUIRE_SERVICE_WORKER: 'off' } }
    : {}),
  // The Content-Security-Policy, which needs a nonce per response, comes from src/proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // Never a Referer: share-link pages (/s/<token>) carry their secret in the URL, and even
          // same-origin requests would copy it into proxies' access logs.
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
