import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listOf, parseInParts } from './parse-in-parts';

const Item = z.object({ id: z.string(), count: z.number() });
const items = (length: number) => Array.from({ length }, (_, index) => ({ id: `item-${index}`, count: index }));

describe('parsing a long list a part at a time', () => {
  it('parses every item, in order, over several tasks', async () => {
    let tasks = 0;
    const counting = setInterval(() => tasks++, 0);
    const parsed = await parseInParts(items(250), Item, 'GET /things');
    clearInterval(counting);
    expect(parsed).toEqual(items(250));
    expect(tasks).toBeGreaterThan(0);
  });

  it('refuses an answer with one wrong item, naming where it is', async () => {
    const answer: unknown[] = items(250);
    answer[150] = { id: 'item-150', count: 'many' };
    await expect(parseInParts(answer, Item, 'GET /things')).rejects.toThrow(/GET \/things is not what this page expects \(150\.count: Expected number/);
  });

  it('stops between parts once the request is cancelled', async () => {
    const controller = new AbortController();
    const parsing = parseInParts(items(250), Item, 'GET /things', controller.signal);
    controller.abort();
    await expect(parsing).rejects.toThrow();
  });

  it('reads the list around the items without parsing them', () => {
    expect(listOf('threads').parse({ threads: [1, 'two'] })).toEqual({ threads: [1, 'two'] });
    expect(listOf('threads').safeParse({ threads: 'none' }).success).toBe(false);
  });
});
