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

/** A built server on a free port and a temporary DATA_DIR, for one fuzz run. */
export async function startFuzzServer(logLevel = 'error'): Promise<{ server: ServerProcess; stop(): Promise<void> }> {
  const data = temporaryDataDir();
  try {
    const server = await startServer({ dataDir: data.dir, env: { ...FUZZ_SERVER_ENV, LOG_LEVEL: logLevel } });
    return {
      server,
      stop: async () => {
        await server.stop();
        data.remove();
      },
    };
  } catch (error) {
    data.remove();
    throw error;
  }
}

/** True while the child process has not exited. */
export function isRunning(server: ServerProcess): boolean {
  return server.child.exitCode === null && server.child.signalCode === null;
}
