import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Which core the servers and the load generator run on, when they can be kept apart. */
export interface Pinning {
  readonly serverCore: number | undefined;
  readonly generatorCore: number | undefined;
  readonly description: string;
}

/**
 * With two cores or more and `taskset`, the server gets the last core and the generator the first,
 * so that neither takes time from the other (the runner itself is not pinned: it only waits).
 */
export function choosePinning(wanted: boolean): Pinning {
  if (!wanted) return { serverCore: undefined, generatorCore: undefined, description: 'not pinned (--no-pin)' };
  const cores = availableParallelism();
  const taskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' });
  if (taskset.error || taskset.status !== 0) {
    return { serverCore: undefined, generatorCore: undefined, description: 'not pinned (taskset not found)' };
  }
  if (cores < 2) {
    return { serverCore: undefined, generatorCore: undefined, description: 'not pinned (one core: server and generator share it)' };
  }
  return {
    serverCore: cores - 1,
    generatorCore: 0,
    description: `server on core ${cores - 1}, load generator on core 0 (taskset)`,
  };
}

/**
 * Niceness of the servers and the generator, all alike: on a machine shared with other work
 * (builds, browser tests), a higher priority keeps that work from weighing on the measurements.
 * Each runs in a session of its own (`setsid`), and where the kernel groups scheduling by
 * session (autogroup) the niceness is set on that group, since a process's own niceness only
 * counts within its group. Lowering niceness needs root; without it both stay at the usual 0.
 */
export const NICENESS = -10;

/**
 * Starts `node <args>` with an IPC channel, pinned to `core` when given, at {@link NICENESS},
 * with the open-file limit raised as far as allowed (10,000 sockets need more than the usual
 * 1,024): through `bash -c 'ulimit -n …; exec nice … taskset … node …'`, so the pid is node's own.
 */
export function spawnNode(
  args: readonly string[],
  core: number | undefined,
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const pin = core === undefined ? [] : ['taskset', '-c', String(core)];
  const script = `ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)"; echo ${NICENESS} > /proc/self/autogroup 2>/dev/null; exec "$@"`;
  const nice = ['nice', '-n', String(NICENESS)];
  const child = spawn('bash', ['-c', script, 'bash', ...nice, ...pin, process.execPath, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true, // setsid: a session, and so a scheduling group, of its own
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

// Children in sessions of their own do not get the terminal's Ctrl-C: pass it on, and never
// leave one running when the runner ends.
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nReceived ${signal}: stopping the servers and the generator`);
    for (const child of children) child.kill('SIGKILL');
    process.exit(130);
  });
}

/** Keeps the last `limit` characters a child wrote, to show when it fails. */
export function tailOf(child: ChildProcess, limit = 8_000): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-limit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}
