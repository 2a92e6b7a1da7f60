import { describe, expect, it } from 'vitest';
import { isSafeFileSrc, isUploadPlaceholder, uploadPlaceholderSrc } from './file-src';

describe('file sources', () => {
  it('accept the server files path and absolute http(s) URLs', () => {
    for (const src of ['/api/files/abc', '/api/files/A-b_9', 'https://example.com/a.png', 'http://example.com/a.png']) {
      expect(isSafeFileSrc(src), src).toBe(true);
    }
  });

  it('refuse script, data, blob, mailto, other paths and protocol-relative URLs', () => {
    for (const src of ['javascript:alert(1)', ' JAVASCRIPT:x', 'data:image/png;base64,AAAA', 'blob:https://a/b', 'mailto:a@b.c', '/api/files/', '/api/files/a/b', '/api/files/..%2fx', '/d/abc', '//evil.example/x.png', '', 42]) {
      expect(isSafeFileSrc(src), String(src)).toBe(false);
    }
  });

  it('name uploading placeholders, and refuse odd upload ids', () => {
    expect(uploadPlaceholderSrc('u_1')).toBe('upload:u_1');
    expect(isUploadPlaceholder('upload:u_1')).toBe(true);
    expect(isUploadPlaceholder('upload:')).toBe(false);
    expect(isSafeFileSrc('upload:u_1')).toBe(false);
    expect(() => uploadPlaceholderSrc('../x')).toThrow(RangeError);
  });
});
