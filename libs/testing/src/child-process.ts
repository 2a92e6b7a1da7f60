import { spawn, type ChildProcess } from 'node:child_process';

/** A process started in its own process group, so stopping it stops everything it started. */
export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** stdout and stderr so far (the last 20,000 characters), and why it could not start, for error messages. */
  output: () => string;
  /** Resolves when the process has exited (null: killed by a signal, or never started). */
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
export function startProcess(name: string, command: string, args: readonly string[], options: { cwd: string; env: Record<string, string> }): ManagedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (text: string) => {
    output = (output + text).slice(-20_000);
  };
  child.stdout?.on('data', (chunk: Buffer) => append(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => append(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    // A command that is not installed never runs: say so, or the caller reports an empty output.
    child.once('error', (error) => {
      append(`${name} could not be started (${command}): ${error.message}\n`);
      resolve(null);
    });
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
