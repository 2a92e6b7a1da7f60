#!/usr/bin/env node
// Copies the built collaboration server and exactly the files it loads into one folder, the way
// Next.js's `output: 'standalone'` does for the web app: the server image then holds what runs
// (a few tens of MB) rather than every dependency of the monorepo (Next.js, the build tools…).
//
//   node docker/server-standalone.mjs <output folder>     (from the repository root, after
//                                                           `npx nx run server:build`)
//
// The folder keeps the repository's layout: <output>/apps/server/dist/main.js, the libraries'
// dist folders, and a node_modules with their symbolic links. @vercel/nft, the tracer Next.js
// itself uses, follows require/import and native bindings (better-sqlite3's .node file). It is a
// dev dependency of apps/docker-e2e, whose tests run the result.
import { nodeFileTrace } from '@vercel/nft';
import { copyFile, lstat, mkdir, readdir, readlink, rm, symlink } from 'node:fs/promises';
import path from 'node:path';

const ENTRY = 'apps/server/dist/main.js';
// Command-line tools run beside the server (`node apps/server/dist/cli/<tool>.js`).
const CLI = 'apps/server/dist/cli';

const output = process.argv[2];
if (!output) {
  console.error('usage: node docker/server-standalone.mjs <output folder>');
  process.exit(64);
}
const root = process.cwd();
const target = path.resolve(root, output);

const tools = await readdir(path.join(root, CLI)).then(
  (names) => names.filter((name) => name.endsWith('.js')).map((name) => `${CLI}/${name}`),
  () => [],
);
const { fileList, warnings } = await nodeFileTrace([ENTRY, ...tools], { base: root });
if (!fileList.has(ENTRY)) {
  console.error(`${ENTRY} was not traced: build the server first (npx nx run server:build)`);
  process.exit(1);
}

await rm(target, { recursive: true, force: true });
for (const file of [...fileList].sort()) {
  const from = path.join(root, file);
  const to = path.join(target, file);
  await mkdir(path.dirname(to), { recursive: true });
  const stats = await lstat(from);
  // Workspace libraries are linked into node_modules: keep the links, relative as they are.
  if (stats.isSymbolicLink()) await symlink(await readlink(from), to);
  else if (stats.isFile()) await copyFile(from, to);
}

// Optional packages the server's dependencies try and do without (pg-native, bufferutil, Nest's
// microservices…) are reported as unresolved; they are listed so that a missing one is visible.
const missing = new Set(
  [...warnings].map((warning) => /^Failed to resolve dependency "([^"]+)"/.exec(warning.message)?.[1]).filter(Boolean),
);
console.log(`${fileList.size} files of the server and ${tools.length} tools in ${path.relative(root, target)}`);
if (missing.size > 0) console.log(`  optional modules absent: ${[...missing].sort().join(', ')}`);
