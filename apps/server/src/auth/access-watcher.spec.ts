import type { Connection } from '@quire/collab-core';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AccessWatcher } from './access-watcher';
import type { Grant, GrantCheck } from './grant';

const grant = (id: string, documentId = 'doc', userId = 'u1'): Grant => ({ kind: 'token', id, documentId, userId, role: 'editor' });

type FakeConnection = Connection & { closedWith?: number; isOpen: boolean; events: string[] };

/** The part of a Connection the watcher uses, recording holds, releases and closes in order. */
function openConnection(): FakeConnection {
  const events: string[] = [];
  const connection = {
    isOpen: true,
    logFields: {},
    access: { user: { id: 'u1', name: 'U' }, readOnly: false },
    events,
    hold: () => events.push('hold'),
    release: () => events.push('release'),
    close(code: number) {
      connection.isOpen = false;
      connection.closedWith = code;
      events.push(`close ${code}`);
    },
  } as unknown as FakeConnection;
  return connection;
}

const silent = pino({ level: 'silent' });

describe('AccessWatcher', () => {
  it('lets go of a socket as soon as it closes, and re-checks only the ones still watched', async () => {
    const checked: string[] = [];
    const watcher = new AccessWatcher(async (g): Promise<GrantCheck> => {
      checked.push(g.id);
      return { ok: true, role: g.role };
    }, silent);
    const [a, b] = [openConnection(), openConnection()];
    watcher.watch(a, grant('a'));
    watcher.watch(b, grant('b'));
    watcher.forget(a);
    expect(watcher.watched).toBe(1);
    await watcher.checkAll();
    expect(checked).toEqual(['b']);
  });

  it('closes a socket whose grant is gone and stops watching it', async () => {
    const watcher = new AccessWatcher(async (): Promise<GrantCheck> => ({ ok: false, code: 4403, message: 'removed' }), silent);
    const connection = openConnection();
    watcher.watch(connection, grant('a'));
    await watcher.checkAll();
    expect(connection.closedWith).toBe(4403);
    expect(watcher.watched).toBe(0);
  });

  it('re-checks at once only the sockets a change affects, holding their frames until it is decided', async () => {
    const checked: string[] = [];
    let decide: (check: GrantCheck) => void = () => undefined;
    const watcher = new AccessWatcher(
      (g) =>
        new Promise<GrantCheck>((resolve) => {
          checked.push(g.id);
          decide = resolve;
        }),
      silent,
    );
    const [bobHere, bobElsewhere, carolHere] = [openConnection(), openConnection(), openConnection()];
    watcher.watch(bobHere, grant('bob-here', 'doc', 'bob'));
    watcher.watch(bobElsewhere, grant('bob-elsewhere', 'other', 'bob'));
    watcher.watch(carolHere, grant('carol-here', 'doc', 'carol'));
    const rechecked = watcher.recheckAffected({ documentId: 'doc', userId: 'bob' });
    await Promise.resolve();
    expect(checked).toEqual(['bob-here']);
    expect(bobHere.events).toEqual(['hold']);
    decide({ ok: false, code: 4403, message: 'removed' });
    await rechecked;
    expect(bobHere.events).toEqual(['hold', 'close 4403', 'release']);
    expect(bobElsewhere.events).toEqual([]);
    expect(carolHere.events).toEqual([]);
  });

  it('makes a script’s socket read-only in place when its role is lowered, then lets its frames go on', async () => {
    const watcher = new AccessWatcher(async (): Promise<GrantCheck> => ({ ok: true, role: 'viewer' }), silent);
    const script = openConnection();
    watcher.watch(script, grant('t'));
    await watcher.recheckAffected({ userId: 'u1' });
    expect(script.access?.readOnly).toBe(true);
    expect(script.events).toEqual(['hold', 'release']);
    expect(script.isOpen).toBe(true);
  });

  it('treats a commenter as a viewer for the document: read-only, and writable again as an editor', async () => {
    let role: 'commenter' | 'editor' = 'commenter';
    const watcher = new AccessWatcher(async (): Promise<GrantCheck> => ({ ok: true, role }), silent);
    const script = openConnection();
    watcher.watch(script, grant('t'));
    await watcher.recheckAffected({ userId: 'u1' });
    expect(script.access?.readOnly).toBe(true);
    role = 'editor';
    await watcher.recheckAffected({ userId: 'u1' });
    expect(script.access?.readOnly).toBe(false);
    expect(script.isOpen).toBe(true);
  });
});
