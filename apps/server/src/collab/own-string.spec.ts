import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ownString } from './own-string';

describe('ownString', () => {
  it('keeps the text of a slice, a rope and text outside Latin-1', () => {
    const url = 'http://upgrade.invalid/collab/doc-1?token=qt_secret';
    expect(ownString(url.slice(30, 35))).toBe('doc-1');
    const id = randomUUID();
    expect(ownString(id)).toBe(id);
    expect(ownString('Zoë — 文書 📄')).toBe('Zoë — 文書 📄');
  });
});
