import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clientsOf, DocumentAuthorship } from './document-authorship';

describe('clientsOf', () => {
  it('finds the client ids whose structs an update carries: one, none (deletions only), several', () => {
    const one = new Y.Doc();
    const updates: Uint8Array[] = [];
    one.on('update', (update: Uint8Array) => updates.push(update));
    one.getText('t').insert(0, 'ab');
    one.getText('t').delete(0, 1);
    const two = new Y.Doc();
    two.getText('t').insert(0, 'z');
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));

    expect([...clientsOf(updates[0])]).toEqual([one.clientID]);
    expect([...clientsOf(updates[1])]).toEqual([]);
    expect([...clientsOf(Y.encodeStateAsUpdate(two))].sort()).toEqual([one.clientID, two.clientID].sort());
  });
});

describe('DocumentAuthorship', () => {
  it('gives each client id once per author', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'a');
    doc.getText('t').insert(1, 'b');
    const authorship = new DocumentAuthorship();

    expect(authorship.newClients(updates[0], 'ada')).toEqual([{ clientId: doc.clientID, userId: 'ada' }]);
    expect(authorship.newClients(updates[1], 'ada')).toBeUndefined();
    expect(authorship.newClients(updates[1], 'bob')).toEqual([{ clientId: doc.clientID, userId: 'bob' }]);
  });
});
