import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startProcess, type ManagedProcess } from '@quire/testing';

/**
 * Runs Caddy (Debian's package) on `caddyfile` with `env`, as the compose file's caddy service
 * does, its state (certificates, autosave) in `stateDir`. The Caddyfile turns the admin API off,
 * so nothing else is listened on.
 */
export async function startCaddy(caddyfile: string, env: Record<string, string>, stateDir: string): Promise<ManagedProcess> {
  await mkdir(stateDir, { recursive: true });
  return startProcess('caddy', 'caddy', ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
    cwd: stateDir,
    env: {
      ...env,
      HOME: stateDir,
      XDG_DATA_HOME: path.join(stateDir, 'data'),
      XDG_CONFIG_HOME: path.join(stateDir, 'config'),
    },
  });
}
