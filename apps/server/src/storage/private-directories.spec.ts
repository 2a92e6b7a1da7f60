import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { warnIfOthersCanRead } from './private-directories';

function recordingLogger(): { logger: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('warnIfOthersCanRead', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  it('warns, once, about a directory others can read, and not about an owner-only or missing one', () => {
    const open = mkdtempSync(join(tmpdir(), 'quire-open-'));
    const closed = mkdtempSync(join(tmpdir(), 'quire-closed-'));
    made.push(open, closed);
    chmodSync(open, 0o755);
    chmodSync(closed, 0o700);
    const { logger, lines } = recordingLogger();

    warnIfOthersCanRead([open, closed, open, join(closed, 'not-yet')], logger);

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, path: open, mode: '755' });
    expect(lines[0]['msg']).toContain(`chmod 700 ${open}`);
  });
});
