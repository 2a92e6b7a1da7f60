import { describe, expect, it } from 'vitest';
import { DisplayName, DocumentId, Email, NewPassword, Title } from './fields';

/** The 400 message a value gets, or undefined when it is accepted. */
function refusal(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: Array<{ message: string }> } } }, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error!.issues.map((issue) => issue.message).join('; ');
}

describe('display names (accounts and guests)', () => {
  it('accepts ordinary names in any script, with the joiners some scripts and emoji need', () => {
    for (const name of ['Ada Lovelace', 'Zoë', 'محمد', 'שרה', '李小龙', 'क्षत्रिय', '👩‍💻 Dev', 'O’Brien <b>', 'Ada\u200DLovelace']) {
      expect(refusal(DisplayName, name), name).toBeUndefined();
    }
    expect(DisplayName.parse('  Ada  ')).toBe('Ada');
  });

  it('refuses bidirectional overrides and isolates, which make a name read as another', () => {
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const name = `Ada${String.fromCodePoint(code)}nimda`;
      expect(refusal(DisplayName, name), code.toString(16)).toBe('name: no text-direction override characters (U+202A–U+202E, U+2066–U+2069)');
    }
  });

  it('refuses names made only of invisible characters', () => {
    const invisible = ['\u200B', '\u200C\u200D', '\u2060', '\uFEFF\u200B', '\u00AD', '\u3164', '\u2800', ' \u200B ', '\u2003\u200B', '\u115F\u1160', '\uFFA0'];
    for (const name of invisible) {
      expect(refusal(DisplayName, name), JSON.stringify(name)).toBe('name: enter a name with visible characters, not only blank or invisible ones');
    }
    expect(refusal(DisplayName, '   ')).toBe('name: enter a name');
    expect(refusal(DisplayName, '\u200BAda')).toBeUndefined();
  });

  it('still refuses control characters and over-long names', () => {
    expect(refusal(DisplayName, 'Ada\nLovelace')).toBe('name: no control characters');
    expect(refusal(DisplayName, 'a'.repeat(81))).toBe('name: at most 80 characters');
  });
});

describe('the other fields', () => {
  it('emails are trimmed and lower-cased, and must look like an address', () => {
    expect(Email.parse('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(refusal(Email, 'ada')).toBe('email: expected an address like ada@example.com');
    expect(refusal(Email, `${'a'.repeat(250)}@example.com`)).toMatch(/^email: at most 254 characters/);
  });

  it('new passwords are 8–200 characters', () => {
    expect(refusal(NewPassword, 'short')).toBe('password: at least 8 characters');
    expect(refusal(NewPassword, 'x'.repeat(201))).toBe('password: at most 200 characters');
    expect(refusal(NewPassword, 'long enough')).toBeUndefined();
  });

  it('titles are trimmed and at most 200 characters; chosen ids follow the id rule', () => {
    expect(Title.parse('  Plans ')).toBe('Plans');
    expect(refusal(Title, 't'.repeat(201))).toBe('title: at most 200 characters');
    expect(refusal(DocumentId, 'has space')).toBe('id: 1-128 characters of A-Z, a-z, 0-9, _ and -');
    expect(refusal(DocumentId, 'release-notes_2')).toBeUndefined();
  });
});
