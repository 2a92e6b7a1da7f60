// What `npm test`'s suites need from the machine beyond `npm ci`, and what to do when it is missing.
// Pure: the caller passes a probe of the machine, so the decisions are tested without one.

/** Debian packages the suites run, each with how to tell it is there and who needs it. */
export const REQUIREMENTS = [
  {
    package: 'chromium',
    usedBy: 'the browser tests (apps/web-e2e, apps/docker-e2e) at /usr/bin/chromium or CHROMIUM_PATH',
    present: (probe) => probe.isExecutable(probe.env.CHROMIUM_PATH || '/usr/bin/chromium'),
  },
  {
    package: 'caddy',
    usedBy: 'apps/docker-e2e, which runs docker/Caddyfile on loopback',
    present: (probe) => probe.onPath('caddy'),
  },
  {
    package: 'docker-compose',
    usedBy: 'apps/docker-e2e, which validates the compose files',
    present: (probe) => probe.onPath('docker-compose'),
  },
];

/** The requirements `probe` does not find. */
export function findMissing(probe, requirements = REQUIREMENTS) {
  return requirements.filter((requirement) => !requirement.present(probe));
}

/** The command that installs `missing`, as this user would type it. */
export function installCommand(missing, { isRoot }) {
  return `${isRoot ? '' : 'sudo '}apt-get install -y ${missing.map((requirement) => requirement.package).join(' ')}`;
}

/**
 * What to do: nothing; install `missing` with apt-get (as root, where nothing needs a password and
 * a CI machine starts bare); or stop with one message. Not being root stops too: apps/docker-e2e
 * mounts and chroots as Docker would, and would otherwise fail minutes into the run.
 */
export function plan(missing, { isRoot, hasAptGet }) {
  if (isRoot && missing.length === 0) return { action: 'none' };
  if (isRoot && hasAptGet) return { action: 'install', packages: missing.map((requirement) => requirement.package) };
  return { action: 'stop', message: stopMessage(missing, { isRoot, hasAptGet }) };
}

/** One message: what is missing and who needs it, the command that installs it, and root. */
export function stopMessage(missing, { isRoot, hasAptGet }) {
  const lines = [];
  if (missing.length > 0) {
    const names = missing.map((requirement) => requirement.package);
    const them = names.length > 1 ? 'them' : 'it';
    lines.push(
      `npm test needs ${names.join(', ')}, not found on this machine:`,
      ...missing.map((requirement) => `  - ${requirement.package}: ${requirement.usedBy}`),
      hasAptGet ? `Install ${them} with:` : `Install ${them} with your system's package manager; on Debian or Ubuntu:`,
      '',
      `    ${installCommand(missing, { isRoot })}`,
      '',
    );
  }
  if (!isRoot) {
    lines.push(
      'npm test runs as root: apps/docker-e2e mounts and chroots, as Docker would. Run it as root (sudo -E npm test),',
      'or run every other project without it:',
      '',
      '    npx nx run-many -t lint typecheck readme-exports test --exclude docker-e2e',
      '',
    );
  }
  lines.push(missing.length > 0 ? 'then run npm test again.' : 'Nothing else is missing.');
  return lines.join('\n');
}
