import { Writable } from 'node:stream';
import type { Directory, NewSecurityEvent } from '@quire/storage';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SecurityEvents } from './security-events';

/** A pino logger whose lines are kept as parsed objects. */
function recordingLogger(): { logger: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

function storeWith(recordSecurityEvent: (event: NewSecurityEvent) => Promise<void>): Directory {
  return { recordSecurityEvent } as Partial<Directory> as Directory;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('SecurityEvents', () => {
  it('logs a structured line and stores the event, without a secret or an undefined field', async () => {
    const { logger, lines } = recordingLogger();
    const stored: NewSecurityEvent[] = [];
    const events = new SecurityEvents(storeWith(async (event) => void stored.push(event)), logger);

    events.record({ type: 'token-created', actorId: 'user-1', address: '203.0.113.5', subjectId: 'token-9', details: 'deploy' });
    await flush();

    expect(stored).toEqual([
      {
        type: 'token-created',
        at: expect.any(Date),
        actorId: 'user-1',
        address: '203.0.113.5',
        documentId: null,
        subjectId: 'token-9',
        details: 'deploy',
      },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ event: 'security', type: 'token-created', actorId: 'user-1', address: '203.0.113.5', subjectId: 'token-9' });
  });

  it('returns before the store answers, and never throws when the store fails', async () => {
    const { logger, lines } = recordingLogger();
    // Nothing to await: a store that never answers leaves the caller free at once.
    const slow = new SecurityEvents(storeWith(() => new Promise(() => undefined)), logger);
    expect(slow.record({ type: 'signin', actorId: 'user-1' })).toBeUndefined();

    const rejecting = new SecurityEvents(storeWith(() => Promise.reject(new Error('database down'))), logger);
    expect(() => rejecting.record({ type: 'signout', actorId: 'user-1' })).not.toThrow();
    const throwing = new SecurityEvents(storeWith(() => {
      throw new Error('store closed');
    }), logger);
    expect(() => throwing.record({ type: 'signout', actorId: 'user-1' })).not.toThrow();
    await flush();

    const errors = lines.filter((line) => line['level'] === 50);
    expect(errors.map((line) => line['msg'])).toEqual([
      'Could not store the security event "signout"; it is only in this log',
      'Could not store the security event "signout"; it is only in this log',
    ]);
  });

  it('cuts a long note', async () => {
    const { logger } = recordingLogger();
    const stored: NewSecurityEvent[] = [];
    const events = new SecurityEvents(storeWith(async (event) => void stored.push(event)), logger);
    events.record({ type: 'signin-failed', details: 'x'.repeat(5_000) });
    await flush();
    expect(stored[0].details).toHaveLength(300);
    expect(stored[0].actorId).toBeNull();
  });
});
