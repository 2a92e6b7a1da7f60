import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startProcess, stopProcess, type ManagedProcess } from './child-process';
import { freePort } from './free-port';
import { waitForHttp } from './wait-for-http';
import { workspaceRoot } from './workspace';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web app, e.g. http://127.0.0.1:41234. */
    webUrl: string;
    /** The collaboration server, e.g. http://127.0.0.1:41235. */
    serverUrl: string;
    /** The repository root. */
    root: string;
  }
}

function requireBuild(file: string, build: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx nx run ${build}\` first (nx run web-e2e:test does).`);
}

/**
 * Starts the built collaboration server (fresh temporary data) and the built web app on free ports,
 * waits until both answer, and stops both process groups when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = workspaceRoot();
  const serverMain = path.join(root, 'apps/server/dist/main.js');
  requireBuild(serverMain, 'server:build');
  requireBuild(path.join(root, 'apps/web/.next/BUILD_ID'), 'web:build');

  const [serverPort, webPort] = [await freePort(), await freePort()];
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'quire-web-e2e-'));
  const started: ManagedProcess[] = [];

  const teardown = async () => {
    await Promise.all(started.map((managed) => stopProcess(managed)));
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const server = startProcess('collaboration server', process.execPath, [serverMain], {
      cwd: root,
      env: {
        PORT: String(serverPort),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        ALLOWED_ORIGINS: webUrl,
        NODE_ENV: 'production',
      },
    });
    started.push(server);
    const web = startProcess(
      'web app',
      process.execPath,
      [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', String(webPort), '--hostname', '127.0.0.1'],
      {
        cwd: path.join(root, 'apps/web'),
        env: { QUIRE_SERVER_URL: serverUrl, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      },
    );
    started.push(web);
    await Promise.all([waitForHttp(`${serverUrl}/health`, server), waitForHttp(`${webUrl}/`, web)]);
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide('serverUrl', serverUrl);
  project.provide('webUrl', webUrl);
  project.provide('root', root);
  return teardown;
}
