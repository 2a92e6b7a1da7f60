import { join } from 'node:path';
import type { GeneratorMessage } from '../ipc-messages';
import type { RunResult, ScenarioRequest } from '../results';
import type { ServerProcess } from './server-process';
import { spawnNode, tailOf } from './spawn-pinned';

/** A scenario that takes longer than this has hung (the longest, the replay, takes about a minute). */
const SCENARIO_TIMEOUT_MS = 15 * 60_000;

/**
 * Runs one scenario in a fresh load-generator process against `server`, forwarding the
 * generator's probe requests to the server and its progress lines to `progress`.
 */
export function runInGenerator(
  request: ScenarioRequest,
  server: ServerProcess,
  core: number | undefined,
  progress: (text: string) => void,
): Promise<RunResult> {
  const script = join(__dirname, '..', 'load', 'generator-main.js');
  // QUIRE_BENCH_PROFILE=<dir>: a V8 CPU profile of each generator, to see what the generator spends its time on.
  const profile = process.env['QUIRE_BENCH_PROFILE'];
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  // A larger young generation: fewer scavenges while frames arrive by the ten thousand a second.
  const child = spawnNode(['--expose-gc', '--max-semi-space-size=32', ...flags, script], core, process.env);
  const output = tailOf(child);
  return new Promise<RunResult>((resolve, reject) => {
    let settled = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // The generator exits by itself once it has answered (writing its profile, if asked for).
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      void exited.then(() => {
        clearTimeout(kill);
        outcome();
      });
      if (child.exitCode !== null || child.signalCode !== null) clearTimeout(kill);
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(`the scenario did not finish within ${SCENARIO_TIMEOUT_MS / 60_000} min`))),
      SCENARIO_TIMEOUT_MS,
    );
    child.on('message', (raw: unknown) => {
      const message = raw as GeneratorMessage;
      switch (message.type) {
        case 'probe':
          server.probe({ gc: message.gc, resetLoop: message.resetLoop }).then(
            (reading) => child.connected && child.send(reading),
            (error: unknown) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))),
          );
          break;
        case 'progress':
          progress(message.text);
          break;
        case 'result':
          settle(() => resolve(message.result as RunResult));
          break;
        case 'failed':
          settle(() => reject(new Error(message.message)));
          break;
      }
    });
    child.once('exit', (code, signal) =>
      settle(() => reject(new Error(`the load generator exited (${signal ?? code}) before answering:\n${output()}`))),
    );
    child.send({ type: 'run', request });
  });
}
