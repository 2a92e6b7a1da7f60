import { describe, expect, it } from 'vitest';
import { startProcess, stopProcess } from './child-process';
import { freePort } from './free-port';
import { waitForHttp } from './wait-for-http';

/** A node process that serves `status` on `port` after `delayMs`. */
function server(port: number, delayMs: number) {
  const script = `setTimeout(() => require('node:http').createServer((q, s) => { s.statusCode = 200; s.end('ok'); }).listen(${port}, '127.0.0.1'), ${delayMs})`;
  return startProcess('slow server', process.execPath, ['-e', script], { cwd: process.cwd(), env: {} });
}

describe('waitForHttp', () => {
  it('resolves once the URL answers 200', async () => {
    const port = await freePort();
    const managed = server(port, 400);
    try {
      await waitForHttp(`http://127.0.0.1:${port}/`, managed, 10_000);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    } finally {
      await stopProcess(managed);
    }
  });

  it('fails at once, with the output, when the process exits first', async () => {
    const port = await freePort();
    const managed = startProcess('crasher', process.execPath, ['-e', "console.error('cannot bind'); process.exit(1)"], { cwd: process.cwd(), env: {} });
    const started = Date.now();
    await expect(waitForHttp(`http://127.0.0.1:${port}/`, managed, 30_000)).rejects.toThrow(/crasher exited before http:\/\/127\.0\.0\.1:\d+\/ answered:\ncannot bind/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up after the timeout, naming the last error', async () => {
    const port = await freePort();
    const managed = server(port, 60_000);
    try {
      await expect(waitForHttp(`http://127.0.0.1:${port}/`, managed, 500)).rejects.toThrow(/did not answer 200 within 500 ms \(fetch failed\)/);
    } finally {
      await stopProcess(managed);
    }
  });
});
