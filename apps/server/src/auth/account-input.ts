import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords';
import { AuthError } from './auth-error';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'email: at most 254 characters')
  .email('email: expected an address like ada@example.com');
export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `password: at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `password: at most ${MAX_PASSWORD_LENGTH} characters`);
export const displayName = z
  .string()
  .trim()
  .min(1, 'name: enter a name')
  .max(80, 'name: at most 80 characters')
  // Control characters would let a name break log lines or lay out oddly; HTML is harmless (rendered as text).
  .regex(/^[^\p{Cc}]*$/u, 'name: no control characters');

/** Parses a request body, or throws a 400 that lists every problem. */
export function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AuthError(400, parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}
