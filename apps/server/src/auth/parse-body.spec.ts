import { AddMemberBody, DisplayName } from '@quire/api-contract';
import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { parseBody } from './parse-body';

/** The error `parseBody` throws for `body`, or undefined when it parses. */
function refusal(schema: Parameters<typeof parseBody>[0], body: unknown): unknown {
  try {
    parseBody(schema, body);
  } catch (caught) {
    return caught;
  }
  return undefined;
}

describe('parseBody', () => {
  it('turns a refused name into a 400 that says what to do', () => {
    const error = refusal(DisplayName, '\u202Eevil');
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(400);
    expect((error as AuthError).message).toMatch(/text-direction/);
  });

  it('lists every problem of a body, in the order of its fields', () => {
    const error = refusal(AddMemberBody, { email: 'nobody', role: 'owner' });
    expect((error as AuthError).status).toBe(400);
    expect((error as AuthError).message).toBe('email: expected an address like ada@example.com; role: expected "editor", "commenter" or "viewer"');
  });

  it('reads a missing body as an empty one, and returns what the schema made of it', () => {
    expect((refusal(AddMemberBody, undefined) as AuthError).status).toBe(400);
    expect(parseBody(AddMemberBody, { email: ' Ada@Example.com ', role: 'viewer' })).toEqual({ email: 'ada@example.com', role: 'viewer' });
  });
});
