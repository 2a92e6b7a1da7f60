import type { StoredFile } from '@quire/storage';
import { describe, expect, it } from 'vitest';
import { fileHeaders, isCached } from './file-headers';

const file = (contentType: string, name = 'picture.png'): StoredFile => ({
  id: 'f1',
  documentId: 'doc',
  uploaderId: 'u',
  name,
  contentType,
  bytes: 10,
  createdAt: new Date(0),
});

describe('fileHeaders', () => {
  it('shows raster images inline and downloads everything else, SVG and HTML included', () => {
    expect(fileHeaders(file('image/png'))['Content-Disposition']).toBe('inline; filename="picture.png"');
    expect(fileHeaders(file('image/webp', 'a.webp'))['Content-Disposition']).toBe('inline; filename="a.webp"');
    expect(fileHeaders(file('image/svg+xml', 'logo.svg'))['Content-Disposition']).toBe('attachment; filename="logo.svg"');
    expect(fileHeaders(file('text/html', 'cat.png'))['Content-Disposition']).toBe('attachment; filename="cat.png"');
    // Quoted (in ISO-8859-1, as HTTP headers are), and in UTF-8 as well when the name needs it.
    expect(fileHeaders(file('application/pdf', 'Café "report" 報告.pdf'))['Content-Disposition']).toBe(
      'attachment; filename="Café \\"report\\" ??.pdf"; filename*=UTF-8\'\'Caf%C3%A9%20%22report%22%20%E5%A0%B1%E5%91%8A.pdf',
    );
  });

  it('sandboxes every file, never lets a browser guess its type, and revalidates it on every use', () => {
    for (const type of ['image/png', 'image/svg+xml', 'text/html']) {
      const headers = fileHeaders(file(type));
      expect(headers['Content-Security-Policy']).toMatch(/^sandbox; default-src 'none'/);
      expect(headers['Content-Security-Policy']).not.toMatch(/script-src|allow-scripts/);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Cache-Control']).toBe('private, no-cache');
      expect(headers.ETag).toBe('"f1"');
    }
  });
});

describe('isCached', () => {
  it('matches the file’s own ETag (weak or strong, in a list) or *, and nothing else', () => {
    expect(isCached('"f1"', file('image/png'))).toBe(true);
    expect(isCached('"x", W/"f1"', file('image/png'))).toBe(true);
    expect(isCached('*', file('image/png'))).toBe(true);
    expect(isCached('"f2"', file('image/png'))).toBe(false);
    expect(isCached(undefined, file('image/png'))).toBe(false);
  });
});
