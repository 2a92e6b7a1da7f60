import type { TestProject } from 'vitest/node';
import { QuireApi, type Account } from './api';
import { startQuire } from './start-quire';
import { workspaceRoot } from '@quire/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The web app, e.g. http://127.0.0.1:41234. */
    webUrl: string;
    /** The collaboration server, e.g. http://127.0.0.1:41235. */
    serverUrl: string;
    /** The repository root. */
    root: string;
    /** The administrator, created with the setup code from the server's log. */
    admin: Account;
  }
}

/**
 * Starts one Quire for every spec, creates its administrator with the setup code from the server's
 * log (so specs meet an instance that is set up, as people do), and stops it when the run ends.
 * The first-run spec starts a fresh one of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const quire = await startQuire();
  try {
    const api = await QuireApi.standalone(quire);
    const admin = await api.setup(await quire.setupCode, 'Admin');
    await api.dispose();
    project.provide('serverUrl', quire.serverUrl);
    project.provide('webUrl', quire.webUrl);
    project.provide('root', workspaceRoot());
    project.provide('admin', admin);
  } catch (error) {
    await quire.stop();
    throw error;
  }
  return quire.stop;
}
