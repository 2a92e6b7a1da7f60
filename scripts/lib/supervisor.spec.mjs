import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { restartDelayMs, supervise } from './supervisor.mjs';

class FakeChild extends EventEmitter {
  exitCode = null;
  signalCode = null;
  killed = [];
  kill(signal) {
    this.killed.push(signal);
  }
  exit(code) {
    this.exitCode = code;
    this.emit('exit', code, null);
  }
}

describe('supervise', () => {
  it('restarts a crashed process after a pause that doubles while it keeps crashing, and logs each', () => {
    let clock = 0;
    const children = [];
    const pending = [];
    const logs = [];
    supervise({
      name: 'collaboration server',
      start: () => {
        const child = new FakeChild();
        children.push(child);
        return child;
      },
      log: (message) => logs.push(message),
      now: () => clock,
      schedule: (callback, delay) => pending.push({ callback, delay }),
    });
    children[0].exit(1);
    pending.shift().callback();
    children[1].exit(1);
    expect(pending.map((entry) => entry.delay)).toEqual([2_000]);
    pending.shift().callback();
    // Ran for a long time before this crash: back to the first pause.
    clock += 120_000;
    children[2].exit(1);
    expect(pending.map((entry) => entry.delay)).toEqual([1_000]);
    expect(children).toHaveLength(3);
    expect(logs[0]).toBe('[quire] The collaboration server exited (code 1); starting it again in 1 s (restart 1 in a row).');
    expect(logs).toContain('[quire] Starting the collaboration server again.');
  });

  it('does not restart what it was told to stop', () => {
    const children = [];
    const pending = [];
    const supervisor = supervise({
      name: 'server',
      start: () => {
        const child = new FakeChild();
        children.push(child);
        return child;
      },
      log: () => undefined,
      schedule: (callback, delay) => pending.push({ callback, delay }),
    });
    supervisor.stop('SIGTERM');
    expect(children[0].killed).toEqual(['SIGTERM']);
    children[0].exit(0);
    expect(pending).toHaveLength(0);
  });

  it('waits 1, 2, 4 … s, at most 30 s', () => {
    expect([1, 2, 3, 6, 20].map(restartDelayMs)).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });
});
