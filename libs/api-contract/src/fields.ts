import { isValidDocumentId } from '@quire/constants';
import { z } from 'zod';

/** Passwords are this long at least and at most (docs/api.md, "Setup and accounts"). */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
/** The longest document title. */
export const MAX_TITLE_LENGTH = 200;

/** An email address, trimmed and lower-cased: emails are compared case-insensitively. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'email: at most 254 characters')
  .email('email: expected an address like ada@example.com');

/** A new password; a password being checked (sign-in, the current one) is only bounded. */
export const NewPassword = z
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

/** The name of an account or of a guest, as others see it on cursors and in lists. */
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'name: enter a name')
  .max(80, 'name: at most 80 characters')
  // Control characters would let a name break log lines or lay out oddly; HTML is harmless (rendered as text).
  .regex(/^[^\p{Cc}]*$/u, 'name: no control characters')
  .refine((name) => !BIDI_CONTROLS.test(name), 'name: no text-direction override characters (U+202A–U+202E, U+2066–U+2069)')
  // After the length check, so that an empty name says "enter a name" once, not twice.
  .refine((name) => name === '' || VISIBLE.test(name), 'name: enter a name with visible characters, not only blank or invisible ones');

/** A document title, trimmed. */
export const Title = z.string().trim().max(MAX_TITLE_LENGTH, `title: at most ${MAX_TITLE_LENGTH} characters`);

/** A document id a script chooses (a migration, a known name); browsers let the server pick one. */
export const DocumentId = z.string().refine(isValidDocumentId, 'id: 1-128 characters of A-Z, a-z, 0-9, _ and -');

/** A moment, as an ISO 8601 string. */
export const Timestamp = z.string().datetime({ offset: true });
