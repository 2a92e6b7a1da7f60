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
 * Starts `node <args>` with an IPC channel, pinned to `core` when given, with the open-file limit
 * raised as far as allowed (10,000 sockets need more than the usual 1,024): through `bash -c
 * 'ulimit -n …; exec …'`, so the pid is node's own.
 */
export function spawnNode(
  args: readonly string[],
  core: number | undefined,
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const pin = core === undefined ? [] : ['taskset', '-c', String(core)];
  const script = 'ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"';
  return spawn('bash', ['-c', script, 'bash', ...pin, process.execPath, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
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
