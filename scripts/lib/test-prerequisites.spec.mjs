import { describe, expect, it } from 'vitest';
import { findMissing, installCommand, plan } from './test-prerequisites.mjs';

/** A machine with exactly `executables` (absolute paths) and `commands` (on PATH). */
function machine({ executables = [], commands = [], env = {} } = {}) {
  return { env, isExecutable: (file) => executables.includes(file), onPath: (command) => commands.includes(command) };
}

const everything = machine({ executables: ['/usr/bin/chromium'], commands: ['caddy', 'docker-compose'] });
const names = (missing) => missing.map((requirement) => requirement.package);

describe('test prerequisites', () => {
  it('finds nothing missing on a machine with Chromium, Caddy and docker-compose', () => {
    expect(findMissing(everything)).toEqual([]);
    expect(plan(findMissing(everything), { isRoot: true, hasAptGet: true })).toEqual({ action: 'none' });
  });

  it('names each missing package', () => {
    expect(names(findMissing(machine({ commands: ['docker-compose'] })))).toEqual(['chromium', 'caddy']);
    expect(names(findMissing(machine()))).toEqual(['chromium', 'caddy', 'docker-compose']);
  });

  it('looks for Chromium where CHROMIUM_PATH says, as the browser tests do', () => {
    const elsewhere = machine({ executables: ['/opt/chrome/chrome'], commands: ['caddy', 'docker-compose'], env: { CHROMIUM_PATH: '/opt/chrome/chrome' } });
    expect(findMissing(elsewhere)).toEqual([]);
    const wrongPath = machine({ executables: ['/usr/bin/chromium'], commands: ['caddy', 'docker-compose'], env: { CHROMIUM_PATH: '/opt/none' } });
    expect(names(findMissing(wrongPath))).toEqual(['chromium']);
  });

  it('installs with apt-get only as root on a machine that has it', () => {
    const missing = findMissing(machine({ commands: ['docker-compose'] }));
    expect(plan(missing, { isRoot: true, hasAptGet: true })).toEqual({ action: 'install', packages: ['chromium', 'caddy'] });
    expect(plan(missing, { isRoot: false, hasAptGet: true }).action).toBe('stop');
    expect(plan(missing, { isRoot: true, hasAptGet: false }).action).toBe('stop');
  });

  it('otherwise stops with one message naming the packages and the command that installs them', () => {
    const missing = findMissing(machine({ executables: ['/usr/bin/chromium'], commands: ['docker-compose'] }));
    const decision = plan(missing, { isRoot: false, hasAptGet: true });
    expect(decision.action).toBe('stop');
    expect(decision.message).toContain('npm test needs caddy,');
    expect(decision.message).toContain('    sudo apt-get install -y caddy\n');
    expect(decision.message).not.toContain('chromium');
    const elsewhere = plan(missing, { isRoot: false, hasAptGet: false });
    expect(elsewhere.message).toContain("your system's package manager");
  });

  it('stops a user who is not root, since the Docker tests mount and chroot, and says how to run the rest', () => {
    const decision = plan([], { isRoot: false, hasAptGet: true });
    expect(decision.action).toBe('stop');
    expect(decision.message).toContain('npm test runs as root');
    expect(decision.message).toContain('npx nx run-many -t lint typecheck readme-exports test --exclude docker-e2e');
    expect(decision.message).not.toContain('apt-get');
  });

  it('leaves sudo out for root', () => {
    expect(installCommand(findMissing(machine()), { isRoot: true })).toBe('apt-get install -y chromium caddy docker-compose');
  });
});
