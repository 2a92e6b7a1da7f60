import type { z } from 'zod';
import { AuthError } from './auth-error';

/**
 * Parses a request body with its schema from `@quire/api-contract`, or throws a 400 that lists
 * every problem in the schema's own words.
 */
export function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AuthError(400, parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}
