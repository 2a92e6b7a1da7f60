import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdateDebouncer } from './update-debouncer';

describe('UpdateDebouncer', () => {
  let flushed: Array<[string, string[]]>;
  let debouncer: UpdateDebouncer;

  beforeEach(() => {
    vi.useFakeTimers();
    flushed = [];
    debouncer = new UpdateDebouncer(5000, async (documentId, authors) => {
      flushed.push([documentId, authors.sort()]);
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends one event per quiet spell, with every author of the edits gathered in it', async () => {
    debouncer.note('doc', ['ada']);
    await vi.advanceTimersByTimeAsync(4000);
    debouncer.note('doc', ['bob', undefined]);
    debouncer.note('other', ['cy']);
    await vi.advanceTimersByTimeAsync(4000);
    expect(flushed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(flushed).toEqual([
      ['doc', ['ada', 'bob']],
      ['other', ['cy']],
    ]);
    debouncer.note('doc', ['cy']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(flushed.at(-1)).toEqual(['doc', ['cy']]);
  });

  it('a server edit alone still makes an event (with no authors); flushAll sends what waits at once', async () => {
    debouncer.note('doc', [undefined]);
    debouncer.note('other', ['ada']);
    await debouncer.flushAll();
    expect(flushed).toEqual([
      ['doc', []],
      ['other', ['ada']],
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(flushed).toHaveLength(2);
  });
});
