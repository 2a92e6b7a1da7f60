import type { Connection } from '@quire/collab-core';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AccessWatcher } from './access-watcher';
import type { Grant, GrantCheck } from './grant';

const grant = (id: string): Grant => ({ kind: 'token', id, documentId: 'doc', userId: 'u1', role: 'editor' });

/** The part of a Connection the watcher uses. */
function openConnection(): Connection & { closedWith?: number } {
  const connection = {
    isOpen: true,
    logFields: {},
    access: undefined,
    close(code: number) {
      connection.isOpen = false;
      connection.closedWith = code;
    },
  } as unknown as Connection & { closedWith?: number; isOpen: boolean };
  return connection;
}

describe('AccessWatcher', () => {
  it('lets go of a socket as soon as it closes, and re-checks only the ones still watched', async () => {
    const checked: string[] = [];
    const watcher = new AccessWatcher(async (g): Promise<GrantCheck> => {
      checked.push(g.id);
      return { ok: true, role: g.role };
    }, pino({ level: 'silent' }));
    const [a, b] = [openConnection(), openConnection()];
    watcher.watch(a, grant('a'));
    watcher.watch(b, grant('b'));
    watcher.forget(a);
    expect(watcher.watched).toBe(1);
    await watcher.checkAll();
    expect(checked).toEqual(['b']);
  });

  it('closes a socket whose grant is gone and stops watching it', async () => {
    const watcher = new AccessWatcher(async (): Promise<GrantCheck> => ({ ok: false, code: 4403, message: 'removed' }), pino({ level: 'silent' }));
    const connection = openConnection();
    watcher.watch(connection, grant('a'));
    await watcher.checkAll();
    expect(connection.closedWith).toBe(4403);
    expect(watcher.watched).toBe(0);
  });
});
