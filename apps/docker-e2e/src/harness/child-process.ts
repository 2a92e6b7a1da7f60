import { spawn, type ChildProcess } from 'node:child_process';

/** A process started in its own process group, so stopping it stops everything it started. */
export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** stdout and stderr so far, for error messages. */
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

const running = new Set<ManagedProcess>();

// If the test run itself is killed, leave nothing behind.
process.once('exit', () => {
  for (const managed of running) killGroup(managed, 'SIGKILL');
});

function killGroup(managed: ManagedProcess, signal: NodeJS.Signals): void {
  const pid = managed.child.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Starts `command` detached (a new process group) with `env` added to this environment. */
export function startProcess(name: string, command: string, args: string[], options: { cwd: string; env: Record<string, string> }): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  const managed: ManagedProcess = { name, child, output: () => output, exited };
  running.add(managed);
  void exited.then(() => running.delete(managed));
  return managed;
}

/** Stops the process group: SIGTERM (a graceful stop), then SIGKILL after `graceMs`. */
export async function stopProcess(managed: ManagedProcess, graceMs = 10_000): Promise<void> {
  if (managed.child.exitCode !== null || managed.child.signalCode !== null) {
    killGroup(managed, 'SIGKILL');
    return;
  }
  killGroup(managed, 'SIGTERM');
  const timer = setTimeout(() => killGroup(managed, 'SIGKILL'), graceMs);
  await managed.exited;
  clearTimeout(timer);
  // Children that ignored SIGTERM (next start's workers) must not outlive the leader.
  killGroup(managed, 'SIGKILL');
}
