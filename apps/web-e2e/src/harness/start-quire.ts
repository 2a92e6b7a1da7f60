import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startProcess, stopProcess, waitForHttp, workspaceRoot, type ManagedProcess } from '@quire/testing';
import { watchForSetupCode } from './setup-code';

/** A running Quire: the built server on fresh data, and the built web app pointing at it. */
export interface RunningQuire {
  /** The collaboration server, e.g. http://127.0.0.1:41235. */
  serverUrl: string;
  /** The web app, e.g. http://127.0.0.1:41234. */
  webUrl: string;
  /** The one-time setup code from the server's log; rejects if the server never prints it. */
  setupCode: Promise<string>;
  /** Stops both process groups and deletes the data. */
  stop: () => Promise<void>;
}

function requireBuild(file: string, build: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx nx run ${build}\` first (nx run web-e2e:test does).`);
}

export interface StartOptions {
  /** The web app's profiling build (`nx run web:build-profiling`), whose Profilers count commits. */
  profiling?: boolean;
}

/**
 * Starts the built collaboration server (temporary `DATA_DIR`, `ALLOWED_ORIGINS` = the web app) and
 * the built web app (`QUIRE_SERVER_URL` = the server) on free ports, and waits until both answer.
 */
export async function startQuire(serverEnv: Record<string, string> = {}, { profiling = false }: StartOptions = {}): Promise<RunningQuire> {
  const root = workspaceRoot();
  const serverMain = path.join(root, 'apps/server/dist/main.js');
  requireBuild(serverMain, 'server:build');
  requireBuild(path.join(root, `apps/web/${profiling ? '.next-profiling' : '.next'}/BUILD_ID`), profiling ? 'web:build-profiling' : 'web:build');

  const [serverPort, webPort] = [await freePort(), await freePort()];
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'quire-web-e2e-'));
  const started: ManagedProcess[] = [];
  const stop = async () => {
    await Promise.all(started.map((managed) => stopProcess(managed)));
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const server = startProcess('collaboration server', process.execPath, [serverMain], {
      cwd: root,
      // TRUST_PROXY: the tests' requests say which address they come from (harness/client-address.ts).
      env: { PORT: String(serverPort), HOST: '127.0.0.1', DATA_DIR: dataDir, ALLOWED_ORIGINS: webUrl, NODE_ENV: 'production', TRUST_PROXY: '127.0.0.1', ...serverEnv },
    });
    started.push(server);
    const setupCode = watchForSetupCode(server.child);
    // Until a test asks for it, a server that never prints the code is not an unhandled rejection.
    setupCode.catch(() => undefined);
    const web = startProcess(
      'web app',
      process.execPath,
      [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', String(webPort), '--hostname', '127.0.0.1'],
      {
        cwd: path.join(root, 'apps/web'),
        // QUIRE_WEB_PROFILING tells next.config.mjs which build directory to serve.
        env: { QUIRE_SERVER_URL: serverUrl, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...(profiling ? { QUIRE_WEB_PROFILING: '1' } : {}) },
      },
    );
    started.push(web);
    await Promise.all([waitForHttp(`${serverUrl}/health`, server), waitForHttp(`${webUrl}/`, web)]);
    return { serverUrl, webUrl, setupCode, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
