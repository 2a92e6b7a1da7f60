import { z } from 'zod';
import { ServerRequestError, type Answer } from './client';

/** Items parsed in one task: 100 threads took about 10 ms on a 2-core machine. */
const ITEMS_PER_TASK = 100;

/** An answer `{ [key]: [...] }` whose items are parsed later, by {@link parseInParts}. */
export const listOf = <K extends string>(key: K) => z.object({ [key]: z.array(z.unknown()) } as Record<K, z.ZodArray<z.ZodUnknown>>);

/**
 * Parses a long list the server answered with `item` (a schema of `@quire/api-contract`), a part
 * per task: the 500 threads of a long document parsed at once held the page 37–55 ms in the task
 * their answer came in (apps/web-e2e README, `comments-performance`). Throws as `ApiClient.call`
 * does for an answer that is not what the page expects.
 */
export async function parseInParts<T>(items: readonly unknown[], item: Answer<T>, what: string, signal?: AbortSignal): Promise<T[]> {
  const parsed: T[] = [];
  for (let start = 0; start < items.length; start += ITEMS_PER_TASK) {
    if (start > 0) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
    }
    for (let index = start; index < Math.min(items.length, start + ITEMS_PER_TASK); index++) {
      const result = item.safeParse(items[index]);
      if (!result.success) {
        const issue = result.error.issues[0];
        const detail = `${[index, ...(issue?.path ?? [])].join('.')}: ${issue?.message ?? 'unreadable'}`;
        throw new ServerRequestError(`The server's answer to ${what} is not what this page expects (${detail})`, 'invalid');
      }
      parsed.push(result.data);
    }
  }
  return parsed;
}
