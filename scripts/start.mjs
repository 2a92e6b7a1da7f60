#!/usr/bin/env node
// `npm start`: builds what changed (Nx caches the rest), then runs the collaboration server on
// embedded SQLite and the web app side by side, and prints where to open them.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { supervise } from './lib/supervisor.mjs';

const webPort = process.env.WEB_PORT ?? '3000';
const serverPort = process.env.PORT ?? '4000';
const host = process.env.HOST ?? '127.0.0.1';

console.log('Building Quire (the first build takes a minute or two)…');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server', 'web', '--outputStyle=static'], {
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('\nThe build failed; the messages above say why.');
  process.exit(build.status ?? 1);
}

const serverEnv = {
  ...process.env,
  PORT: serverPort,
  HOST: host,
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `http://localhost:${webPort},http://127.0.0.1:${webPort}`,
};

let setupCode;
// A crashed server is started again (with backoff, logged) rather than taking the web app down:
// its pages say the server cannot be reached and reconnect by themselves (scripts/lib/supervisor.mjs).
const server = supervise({
  name: 'collaboration server',
  // stdout piped (and passed on) to find the setup code a fresh instance prints.
  // --max-semi-space-size=4 as docker/server.Dockerfile starts it: V8's young generation otherwise
  // grows to 2 × 16 MB at start-up and stays resident (apps/bench-peers README, "Memory (issue 24, item 5)").
  start: () => spawn(process.execPath, ['--max-semi-space-size=4', 'apps/server/dist/main.js'], { stdio: ['inherit', 'pipe', 'inherit'], env: serverEnv }),
  onStart: (child) =>
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      setupCode ??= /"setupCode":"([^"]+)"/.exec(chunk.toString())?.[1];
    }),
});

// Next itself rather than `npx next`: a signal to npx would not reach the server it starts.
const web = spawn(process.execPath, [fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url)), 'start', '-p', webPort, '-H', host], {
  cwd: 'apps/web',
  stdio: 'inherit',
  // The page finds the server at its own host on port 4000 unless told otherwise.
  env: {
    ...process.env,
    PORT: webPort,
    ...(serverPort !== '4000' && !process.env.QUIRE_SERVER_URL ? { QUIRE_SERVER_URL: `http://localhost:${serverPort}` } : {}),
  },
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  server.stop(signal);
  if (web.exitCode === null) web.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
web.on('exit', (code) => {
  if (!stopping) {
    console.error(`\nThe web app exited (code ${code}); stopping the server.`);
    stop('SIGTERM');
    process.exitCode = code ?? 1;
  }
});

waitForReady().then(() => {
  console.log(
    `\n  Quire is running.\n\n` +
      `    Open the editor:       http://localhost:${webPort}\n` +
      `    Collaboration server:  http://localhost:${serverPort}  (ws://localhost:${serverPort}/collab/<documentId>)\n` +
      `    Documents are stored in ${process.env.DATABASE_URL ? "the database DATABASE_URL names" : `${process.env.DATA_DIR ?? "./data"} (SQLite)`}.  Press Ctrl+C to stop.\n` +
      (setupCode
        ? `\n    First visit: create the administrator at http://localhost:${webPort}/setup\n    with the one-time setup code ${setupCode}\n`
        : ''),
  );
});

async function waitForReady() {
  const urls = [`http://${host}:${serverPort}/health`, `http://${host}:${webPort}/`];
  for (const url of urls) {
    for (;;) {
      try {
        const response = await fetch(url);
        if (response.ok) break;
      } catch {
        // not up yet
      }
      if (stopping) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
