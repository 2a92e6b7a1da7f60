import { describe, expect, it } from 'vitest';
import { displayName, parseBody } from './account-input';
import { AuthError } from './auth-error';

/** The 400 message a name gets, or undefined when it is accepted. */
function refusal(name: string): string | undefined {
  const parsed = displayName.safeParse(name);
  return parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message).join('; ');
}

describe('display names (accounts and guests)', () => {
  it('accepts ordinary names in any script, with the joiners some scripts and emoji need', () => {
    for (const name of ['Ada Lovelace', 'Zoë', 'محمد', 'שרה', '李小龙', 'क्षत्रिय', '👩‍💻 Dev', 'O’Brien <b>', 'Ada\u200DLovelace']) {
      expect(refusal(name), name).toBeUndefined();
    }
    expect(displayName.parse('  Ada  ')).toBe('Ada');
  });

  it('refuses bidirectional overrides and isolates, which make a name read as another', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const name = `Ada${String.fromCodePoint(code)}nimda`;
      expect(refusal(name), code.toString(16)).toBe('name: no text-direction override characters (U+202A–U+202E, U+2066–U+2069)');
    }
  });

  it('refuses names made only of invisible characters', () => {
    const invisible = ['\u200B', '\u200C\u200D', '\u2060', '\uFEFF\u200B', '\u00AD', '\u3164', '\u2800', ' \u200B ', '\u2003\u200B', '\u115F\u1160', '\uFFA0'];
    for (const name of invisible) {
      expect(refusal(name), JSON.stringify(name)).toBe('name: enter a name with visible characters, not only blank or invisible ones');
    }
    expect(refusal('   ')).toBe('name: enter a name');
    expect(refusal('\u200BAda')).toBeUndefined();
  });

  it('still refuses control characters and over-long names', () => {
    expect(refusal('Ada\nLovelace')).toBe('name: no control characters');
    expect(refusal('a'.repeat(81))).toBe('name: at most 80 characters');
  });

  it('turns a refused name into a 400 that says what to do', () => {
    const error = (() => {
      try {
        parseBody(displayName, '\u202Eevil');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(400);
    expect((error as AuthError).message).toMatch(/text-direction/);
  });
});
