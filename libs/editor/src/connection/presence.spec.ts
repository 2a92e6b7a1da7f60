import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { colorForUserId } from '../identity/palette';
import { presenceLabel, readAwarenessUser, readParticipants, sameParticipants } from './presence';

function awarenessWith(self: unknown, others: Record<number, unknown>): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(self as Record<string, unknown>);
  for (const [clientId, state] of Object.entries(others)) {
    awareness.states.set(Number(clientId), state as Record<string, unknown>);
  }
  return awareness;
}

describe('presence', () => {
  it('lists this person first, then the others by name, each once', () => {
    const awareness = awarenessWith(
      { user: { id: 'me', name: 'Zoe', color: '#1d5fbf' } },
      {
        101: { user: { id: 'g', name: 'Grace', color: '#c0392b' } },
        102: { user: { id: 'a', name: 'Ada', color: '#3f7d1c' } },
        103: { user: { id: 'a', name: 'Ada', color: '#3f7d1c' } },
        104: { cursor: null },
      },
    );
    const people = readParticipants(awareness);
    expect(people.map((p) => [p.name, p.isSelf])).toEqual([
      ['Zoe', true],
      ['Ada', false],
      ['Grace', false],
    ]);
  });

  it('marks this person as self even when another tab of theirs came first', () => {
    const awareness = awarenessWith({ user: { id: 'me', name: 'Me', color: '#1d5fbf' } }, { 1: { user: { id: 'me', name: 'Me', color: '#1d5fbf' } } });
    expect(readParticipants(awareness)).toEqual([expect.objectContaining({ id: 'me', isSelf: true, clientId: awareness.clientID })]);
  });

  it('repairs untrusted users: missing names, bad colors, odd ids', () => {
    expect(readAwarenessUser({ user: { id: 'x', name: '   ', color: 'red; background: url(x)' } }, 7)).toEqual({
      id: 'x',
      name: 'Anonymous',
      color: colorForUserId('x'),
    });
    expect(readAwarenessUser({ user: { name: 'Eve', color: '#123456' } }, 7)).toEqual({ id: 'client-7', name: 'Eve', color: '#123456' });
    expect(readAwarenessUser({ user: 'Eve' }, 7)).toBeNull();
    expect(readAwarenessUser(null, 7)).toBeNull();
  });

  it('marks guests, whose ids the server starts with guest-, even under a member’s name', () => {
    const awareness = awarenessWith(
      { user: { id: 'me', name: 'Zoe', color: '#1d5fbf' } },
      {
        101: { user: { id: 'a', name: 'Ada', color: '#3f7d1c' } },
        102: { user: { id: 'guest-0123456789abcdef', name: 'Ada', color: '#3f7d1c' } },
      },
    );
    const others = readParticipants(awareness).filter((p) => !p.isSelf);
    expect(others.map((p) => [p.id, p.isGuest, presenceLabel(p)])).toEqual([
      ['a', false, 'Ada'],
      ['guest-0123456789abcdef', true, 'Ada (guest)'],
    ]);
  });
});

describe('sameParticipants', () => {
  it('ignores cursor moves and sees people come, go and rename themselves', () => {
    const awareness = awarenessWith({ user: { id: 'me', name: 'Zoe', color: '#1d5fbf' } }, { 101: { user: { id: 'g', name: 'Grace', color: '#c0392b' }, cursor: null } });
    const before = readParticipants(awareness);
    awareness.states.set(101, { user: { id: 'g', name: 'Grace', color: '#c0392b' }, cursor: { anchor: 1, head: 1 } });
    expect(sameParticipants(before, readParticipants(awareness))).toBe(true);
    awareness.states.set(101, { user: { id: 'g', name: 'Grace H.', color: '#c0392b' } });
    expect(sameParticipants(before, readParticipants(awareness))).toBe(false);
    awareness.states.delete(101);
    expect(sameParticipants(before, readParticipants(awareness))).toBe(false);
  });
});
