import { describe, expect, it } from 'vitest';
import { isSafeHref } from './href';

describe('isSafeHref', () => {
  it('accepts absolute http, https and mailto URLs', () => {
    for (const href of [
      'http://example.com',
      'https://example.com/a/b?c=d#e',
      'HTTPS://EXAMPLE.COM',
      'mailto:ada@example.com',
      '  https://example.com  ',
    ]) {
      expect(isSafeHref(href), href).toBe(true);
    }
  });

  it('refuses script and data URLs, however they are spelled', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      '\tjavascript:alert(1)',
      '\njavascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      '\u0000javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'blob:https://example.com/uuid',
      'file:///etc/passwd',
      'ftp://example.com',
    ]) {
      expect(isSafeHref(href), JSON.stringify(href)).toBe(false);
    }
  });

  it('refuses relative, protocol-relative and empty hrefs', () => {
    for (const href of ['', '   ', '/d/abc', 'd/abc', '#top', '?q=1', '//evil.example.com', 'example.com', 'http:']) {
      expect(isSafeHref(href), JSON.stringify(href)).toBe(false);
    }
  });

  it('refuses what is not a string', () => {
    expect(isSafeHref(undefined as unknown as string)).toBe(false);
    expect(isSafeHref(42 as unknown as string)).toBe(false);
  });
});
