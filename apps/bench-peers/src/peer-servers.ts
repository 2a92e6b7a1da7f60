import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the peers live: a package of their own (peers/package.json and its lock), outside the
 * workspace, so that the main `npm install` neither fetches them nor warns about Hocuspocus
 * asking for Node 22. dist/peer-servers.js: the project is one level up.
 */
export const PEERS_DIR = resolve(__dirname, '..', 'peers');

/** A file of an installed peer package. */
export function peerFile(...parts: string[]): string {
  return join(PEERS_DIR, ...parts);
}

/** The pinned packages peers/package.json names that are not installed at exactly that version. */
function outdated(): string[] {
  const manifest = JSON.parse(readFileSync(join(PEERS_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return Object.entries(manifest.dependencies).filter(([name, version]) => {
    const installed = join(PEERS_DIR, 'node_modules', name, 'package.json');
    return !existsSync(installed) || (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version !== version;
  }).map(([name, version]) => `${name}@${version}`);
}

/**
 * Installs the peers from their lock (`npm ci` in peers/) when any is missing or at another
 * version: the first `npm run bench` does it, later runs find them. Throws with npm's reason.
 */
export function ensurePeerServers(log: (line: string) => void): void {
  const missing = outdated();
  if (missing.length === 0) return;
  log(`installing the peers into ${PEERS_DIR} (npm ci, once): ${missing.join(', ')}`);
  // Warnings off: Hocuspocus's engines field asks for Node 22 and it runs on Node 20 (README.md).
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PEERS_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci in ${PEERS_DIR} failed (${result.error?.message ?? `exit ${result.status}`}); the peers cannot run`);
  const still = outdated();
  if (still.length > 0) throw new Error(`npm ci in ${PEERS_DIR} did not install ${still.join(', ')}`);
}
