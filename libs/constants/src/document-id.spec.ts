import { describe, expect, it } from 'vitest';
import { isValidDocumentId } from './document-id';

describe('isValidDocumentId', () => {
  it('accepts 1 to 128 characters of letters, digits, _ and -', () => {
    expect(isValidDocumentId('a')).toBe(true);
    expect(isValidDocumentId('Doc_1-x')).toBe(true);
    expect(isValidDocumentId('x'.repeat(128))).toBe(true);
  });

  it('refuses empty, too long, and anything outside the alphabet', () => {
    for (const id of ['', 'x'.repeat(129), 'a/b', 'a b', '../x', 'é', 'a.b', 'a\n']) {
      expect(isValidDocumentId(id)).toBe(false);
    }
  });
});
