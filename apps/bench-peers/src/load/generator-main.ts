// The load generator: a process of its own (pinned away from the server where possible), told
// by the runner over IPC which scenario to run against which server; it answers with the result.
import { isProbeReading, type GeneratorMessage, type ProbeReading } from '../ipc-messages';
import type { RunResult, ScenarioRequest } from '../results';
import { createQuireDocuments } from '../quire-account';
import type { ScenarioContext } from './scenario-context';
import { SCENARIO_CODE } from './scenarios';

const pendingProbes = new Map<number, (reading: ProbeReading) => void>();
let nextProbe = 1;

function send(message: GeneratorMessage, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

/** Exits once the answer is handed over: sockets left half-closed must not keep the process up. */
function finish(message: GeneratorMessage): void {
  send(message, () => process.exit(0));
}

function contextFor(request: ScenarioRequest): ScenarioContext {
  return {
    target: request.target,
    quick: request.quick,
    traceCache: request.traceCache,
    user: request.target.account?.user,
    createDocuments: async (ids) => {
      if (request.target.account) await createQuireDocuments(request.target.account, ids);
    },
    probe: ({ gc, resetLoop }) =>
      new Promise((resolve) => {
        const id = nextProbe++;
        pendingProbes.set(id, resolve);
        send({ type: 'probe', id, gc, resetLoop });
      }),
    progress: (text) => send({ type: 'progress', text }),
  };
}

async function run(request: ScenarioRequest): Promise<RunResult> {
  const scenario = SCENARIO_CODE[request.scenario];
  if (scenario === undefined) throw new Error(`No scenario named ${request.scenario}`);
  return scenario(contextFor(request));
}

process.on('message', (message: unknown) => {
  if (isProbeReading(message)) {
    pendingProbes.get(message.id)?.(message);
    pendingProbes.delete(message.id);
    return;
  }
  const request = message as { type?: string; request?: ScenarioRequest };
  if (request.type !== 'run' || request.request === undefined) return;
  run(request.request).then(
    (result) => finish({ type: 'result', result }),
    (error: unknown) => finish({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
