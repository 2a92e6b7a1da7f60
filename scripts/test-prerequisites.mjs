#!/usr/bin/env node
// Run first by `npm test`: finds what the suites need on this machine (lib/test-prerequisites.mjs)
// before any of them starts, installs it with apt-get when running as root (CI machines start
// bare), and otherwise stops at once with the command that installs it (or, for a user who is not
// root, how to run the suites that do not need root), rather than failing minutes later inside a
// browser, Caddy or chroot test.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { findMissing, plan, stopMessage } from './lib/test-prerequisites.mjs';

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

const probe = {
  env: process.env,
  isExecutable,
  onPath: (command) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && isExecutable(path.join(dir, command))),
};
const situation = { isRoot: process.getuid?.() === 0, hasAptGet: probe.onPath('apt-get') };

function apt(args) {
  spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const decision = plan(findMissing(probe), situation);
if (decision.action === 'install') {
  console.log(`== npm test: installing Debian's ${decision.packages.join(', ')} (apt-get, as root)`);
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', ...decision.packages]);
  const stillMissing = findMissing(probe);
  if (stillMissing.length > 0) {
    console.error(`apt-get did not install everything (its messages are above).\n${stopMessage(stillMissing, situation)}`);
    process.exit(1);
  }
} else if (decision.action === 'stop') {
  console.error(decision.message);
  process.exit(1);
}
