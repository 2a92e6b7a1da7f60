import { setUpAdmin, type Account } from '../access';
import { startServer, temporaryDataDir, type ServerProcess } from '../server-process';

/**
 * Limits raised for a fuzz run: from one address the fuzzer reconnects thousands of times and
 * sends as fast as the server answers, and the per-address and per-connection rate limits would
 * otherwise refuse most frames before any decoder saw them.
 */
export const FUZZ_SERVER_ENV: Readonly<Record<string, string>> = {
  CONNECT_BURST_PER_ADDRESS: '1000000',
  CONNECT_RATE_PER_ADDRESS: '1000000',
  MAX_MESSAGES_PER_SECOND: '1000000',
};

/** Levels at which the server does not print its setup code (a warning). */
const QUIETER_THAN_WARN = new Set(['error', 'fatal', 'silent']);

/**
 * A built server on a free port and a temporary DATA_DIR, for one fuzz run, with its administrator
 * (whose API token the run connects with). The setup code is logged as a warning: at a quieter
 * `logLevel` (the default, since every refused frame is a warning too), a first start at `warn`
 * creates the administrator, and the run's server starts again on the same DATA_DIR (the same
 * database and generated AUTH_SECRET, so the token still works).
 */
export async function startFuzzServer(logLevel = 'error'): Promise<{ server: ServerProcess; account: Account; stop(): Promise<void> }> {
  const data = temporaryDataDir();
  const env = { ...FUZZ_SERVER_ENV, LOG_LEVEL: logLevel };
  let server: ServerProcess | undefined;
  try {
    server = await startServer({ dataDir: data.dir, env: QUIETER_THAN_WARN.has(logLevel) ? { ...env, LOG_LEVEL: 'warn' } : env });
    let account = await setUpAdmin(server);
    if (QUIETER_THAN_WARN.has(logLevel)) {
      await server.stop();
      server = await startServer({ dataDir: data.dir, env });
      account = account.at(server);
    }
    const running = server;
    return {
      server: running,
      account,
      stop: async () => {
        await running.stop();
        data.remove();
      },
    };
  } catch (error) {
    await server?.stop();
    data.remove();
    throw error;
  }
}

/** True while the child process has not exited. */
export function isRunning(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}
