import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startProcess, stopProcess } from './child-process';

const node = (script: string) => [process.execPath, ['-e', script]] as const;

/** Whether `pid` still runs: a killed process whose parent is gone may linger as a zombie (state Z) until it is reaped. */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

async function firstLine(managed: ReturnType<typeof startProcess>): Promise<string> {
  while (!managed.output().includes('\n')) await new Promise((resolve) => setTimeout(resolve, 20));
  return managed.output().split('\n')[0];
}

describe('startProcess', () => {
  it('keeps what the process writes and resolves with its exit code', async () => {
    const managed = startProcess('talker', ...node("console.log('to stdout'); console.error('to stderr'); process.exit(3)"), { cwd: process.cwd(), env: {} });
    expect(await managed.exited).toBe(3);
    expect(managed.output()).toContain('to stdout');
    expect(managed.output()).toContain('to stderr');
  });

  it('passes the environment it is given on top of this one', async () => {
    const managed = startProcess('env', ...node('console.log(process.env.QUIRE_TESTING_VALUE, typeof process.env.PATH)'), { cwd: process.cwd(), env: { QUIRE_TESTING_VALUE: 'given' } });
    await managed.exited;
    expect(managed.output().trim()).toBe('given string');
  });

  it('says why a command that is not installed never ran', async () => {
    const managed = startProcess('missing tool', 'quire-no-such-command', [], { cwd: process.cwd(), env: {} });
    expect(await managed.exited).toBeNull();
    expect(managed.output()).toMatch(/missing tool could not be started \(quire-no-such-command\): spawn quire-no-such-command ENOENT/);
  });
});

describe('stopProcess', () => {
  it('stops the whole process group, children too', async () => {
    // The pid written plainly: console.log would colour a number when Nx sets FORCE_COLOR.
    const managed = startProcess('parent', ...node("const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']); process.stdout.write(`${c.pid}\\n`); setInterval(() => {}, 1000)"), { cwd: process.cwd(), env: {} });
    const grandchild = Number(await firstLine(managed));
    expect(alive(grandchild)).toBe(true);
    await stopProcess(managed);
    await expect.poll(() => alive(grandchild)).toBe(false);
  });

  it('kills a process that ignores SIGTERM once the grace period is over', async () => {
    const managed = startProcess('stubborn', ...node("process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)"), { cwd: process.cwd(), env: {} });
    await firstLine(managed);
    const started = Date.now();
    await stopProcess(managed, 300);
    expect(managed.child.signalCode).toBe('SIGKILL');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});
