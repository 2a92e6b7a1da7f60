import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A RUN step that provisions the base image rather than builds Quire: Debian packages, or npm
 * itself in another version. Outside Docker it cannot run as written (it would change this
 * machine's /usr and delete its apt lists), so it is checked instead: what it installs must
 * already be here. Anything else in the same RUN makes it an ordinary step.
 */
export type Provisioning = { kind: 'apt'; packages: string[] } | { kind: 'npm'; version: string };

/** The provisioning a RUN command does, or undefined for an ordinary step. */
export function provisioningStep(command: string): Provisioning | undefined {
  const parts = command.split('&&').map((part) => part.trim().replace(/\s+/g, ' '));
  const npm = /^npm (?:install|i) -g npm@(\S+)$/.exec(parts[0] ?? '');
  if (parts.length === 1 && npm) return { kind: 'npm', version: npm[1] };
  const packages: string[] = [];
  for (const part of parts) {
    if (part === 'apt-get update' || part === 'rm -rf /var/lib/apt/lists/*') continue;
    const install = /^apt-get install (.*)$/.exec(part);
    if (!install) return undefined;
    packages.push(...install[1].split(' ').filter((word) => !word.startsWith('-')));
  }
  return packages.length > 0 ? { kind: 'apt', packages } : undefined;
}

/** Throws unless this machine already has what the step would install. */
export async function checkProvisioning(step: Provisioning): Promise<void> {
  if (step.kind === 'apt') {
    const missing: string[] = [];
    for (const name of step.packages) {
      const status = await run('dpkg-query', ['-W', '-f=${Status}', name]).then(
        ({ stdout }) => stdout,
        () => '',
      );
      if (!status.endsWith('install ok installed')) missing.push(name);
    }
    if (missing.length > 0) throw new Error(`The image installs Debian packages this machine lacks: apt-get install ${missing.join(' ')}`);
    return;
  }
  const { stdout } = await run('npm', ['--version']);
  const have = stdout.trim();
  if (!matchesVersion(have, step.version)) throw new Error(`The image installs npm@${step.version}; this machine has npm ${have}`);
}

/** Whether `version` (1.2.3) is what npm would install for `wanted` (1, 1.2 or 1.2.3). */
export function matchesVersion(version: string, wanted: string): boolean {
  const have = version.split('.');
  return wanted.split('.').every((part, index) => have[index] === part);
}
