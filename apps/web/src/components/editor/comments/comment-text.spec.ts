import { describe, expect, it } from 'vitest';
import { bodyParts, editableBody, matchingPeople, mentionQuery, storedBody } from './comment-text';
import { layoutMargin } from './margin-layout';

describe('comment bodies', () => {
  it('splits a body into text and mentions, leaving HTML as text', () => {
    expect(bodyParts('Hi @[Ada Lovelace](user:u-1), see <b>this</b>')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', name: 'Ada Lovelace', userId: 'u-1' },
      { kind: 'text', text: ', see <b>this</b>' },
    ]);
    expect(bodyParts('')).toEqual([]);
  });

  it('turns the people chosen from the @ menu into mentions, longer names first, and back for editing', () => {
    const people = [
      { id: 'u-1', name: 'Ada' },
      { id: 'u-2', name: 'Ada Lovelace' },
    ];
    const body = storedBody('@Ada Lovelace and @Ada, but not @Grace', people);
    expect(body).toBe('@[Ada Lovelace](user:u-2) and @[Ada](user:u-1), but not @Grace');
    expect(editableBody(body)).toEqual({ text: '@Ada Lovelace and @Ada, but not @Grace', mentioned: [people[1], people[0]] });
    expect(storedBody('no mentions', [])).toBe('no mentions');
  });

  it('finds the @ being typed before the caret, not an address or one already finished', () => {
    expect(mentionQuery('Ask @Gr', 7)).toEqual({ start: 4, query: 'Gr' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail ada@example.com', 20)).toBeNull();
    expect(mentionQuery('Ask @Grace now', 14)).toBeNull();
  });

  it('offers the people whose name or email starts a word with the query', () => {
    const people = [
      { id: '1', name: 'Grace Hopper', email: 'grace@example.com' },
      { id: '2', name: 'Ada Lovelace', email: 'countess@example.com' },
    ];
    expect(matchingPeople(people, 'hop').map((person) => person.id)).toEqual(['1']);
    expect(matchingPeople(people, 'countess').map((person) => person.id)).toEqual(['2']);
    expect(matchingPeople(people, '')).toHaveLength(2);
    expect(matchingPeople(people, 'zed')).toEqual([]);
  });
});

describe('layoutMargin', () => {
  it('puts each card beside its text, pushing down the ones that would overlap', () => {
    const tops = layoutMargin(
      [
        { anchorTop: 10, height: 50 },
        { anchorTop: 20, height: 30 },
        { anchorTop: 200, height: 40 },
        { anchorTop: null, height: 40 },
      ],
      -1,
    );
    expect(tops).toEqual([10, 68, 200, 248]);
  });

  it('aligns the active card with its text and moves the cards above it up', () => {
    const tops = layoutMargin(
      [
        { anchorTop: 100, height: 50 },
        { anchorTop: 110, height: 30 },
      ],
      1,
    );
    expect(tops).toEqual([52, 110]);
  });
});
