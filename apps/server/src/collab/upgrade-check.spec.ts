import { describe, expect, it } from 'vitest';
import { checkUpgrade } from './upgrade-check';

const allowed = ['http://localhost:3000'];

describe('checkUpgrade', () => {
  it('accepts /collab/<id> with an allowed origin, and reads the schema version', () => {
    expect(checkUpgrade({ url: '/collab/doc-1?schema=3', headers: { origin: 'http://localhost:3000' } }, allowed)).toEqual({
      ok: true,
      documentId: 'doc-1',
      schemaVersion: 3,
      acknowledge: false,
    });
  });

  it('reads whether the client asked for stored acknowledgements (ack=1, nothing else)', () => {
    expect(checkUpgrade({ url: '/collab/doc-1?ack=1&schema=3', headers: {} }, allowed)).toMatchObject({ ok: true, acknowledge: true });
    expect(checkUpgrade({ url: '/collab/doc-1?ack=yes', headers: {} }, allowed)).toMatchObject({ ok: true, acknowledge: false });
  });

  it('accepts requests without an Origin (scripts, the stock client in Node)', () => {
    expect(checkUpgrade({ url: '/collab/abc', headers: {} }, allowed)).toEqual({
      ok: true,
      documentId: 'abc',
      schemaVersion: undefined,
      acknowledge: false,
    });
  });

  it('refuses a foreign origin with 403', () => {
    expect(checkUpgrade({ url: '/collab/abc', headers: { origin: 'https://evil.example' } }, allowed)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses other paths with 404 and bad ids with 400', () => {
    expect(checkUpgrade({ url: '/other', headers: {} }, allowed)).toMatchObject({ ok: false, status: 404 });
    expect(checkUpgrade({ url: '/collab', headers: {} }, allowed)).toMatchObject({ ok: false, status: 404 });
    for (const url of ['/collab/', '/collab/a/b', '/collab/a%20b', `/collab/${'x'.repeat(129)}`, '/collab/.x']) {
      expect(checkUpgrade({ url, headers: {} }, allowed)).toMatchObject({ ok: false, status: 400 });
    }
    // Dot segments are resolved away before routing, so they never reach a document.
    expect(checkUpgrade({ url: '/collab/..', headers: {} }, allowed)).toMatchObject({ ok: false, status: 404 });
  });

  it('refuses a schema version that is not a whole number', () => {
    expect(checkUpgrade({ url: '/collab/a?schema=x', headers: {} }, allowed)).toMatchObject({ ok: false, status: 400 });
    expect(checkUpgrade({ url: '/collab/a?schema=-1', headers: {} }, allowed)).toMatchObject({ ok: false, status: 400 });
  });
});
