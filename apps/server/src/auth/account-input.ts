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
/**
 * Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text around them:
 * "Ada\u202Enimda" shows as "Adaadmin", so a name could read as another person's or run into the
 * text beside it (a name on a cursor, in a member list, in the security events).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/**
 * Something a person can see: not whitespace, not a format character (\p{Cf}: zero-width spaces
 * and joiners U+200B–U+200D, word joiner U+2060, U+FEFF, …), nor a blank that is a letter in name
 * only (Hangul fillers U+115F, U+1160, U+3164, U+FFA0; the blank Braille pattern U+2800).
 */
const VISIBLE = /[^\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/u;

export const displayName = z
  .string()
  .trim()
  .min(1, 'name: enter a name')
  .max(80, 'name: at most 80 characters')
  // Control characters would let a name break log lines or lay out oddly; HTML is harmless (rendered as text).
  .regex(/^[^\p{Cc}]*$/u, 'name: no control characters')
  .refine((name) => !BIDI_CONTROLS.test(name), 'name: no text-direction override characters (U+202A–U+202E, U+2066–U+2069)')
  // After the length check, so that an empty name says "enter a name" once, not twice.
  .refine((name) => name === '' || VISIBLE.test(name), 'name: enter a name with visible characters, not only blank or invisible ones');

/** Parses a request body, or throws a 400 that lists every problem. */
export function parseBody<T extends z.ZodTypeAny>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AuthError(400, parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}
