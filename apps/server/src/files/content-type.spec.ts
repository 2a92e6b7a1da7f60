import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRasterImage, sniffContentType, textContentType } from './content-type';

/** The smallest PNG: a 1×1 transparent pixel. */
const PNG_PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('sniffContentType', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quire-sniff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sniff = (name: string, bytes: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return sniffContentType(path);
  };

  it('recognizes binary formats by their bytes, whatever the name says', async () => {
    expect(await sniff('pixel.txt', PNG_PIXEL)).toBe('image/png');
    expect(await sniff('report.png', '%PDF-1.4\n%âãÏÓ\n1 0 obj\n')).toBe('application/pdf');
    expect(await sniff('photo.png', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]))).toBe('image/jpeg');
    expect(await sniff('anim.svg', 'GIF89a\x01\x00\x01\x00\x00\x00\x00;')).toBe('image/gif');
  });

  it('names markup from its bytes: an SVG (with or without a prolog), HTML under a .png name, XML', async () => {
    expect(await sniff('logo.png', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')).toBe('image/svg+xml');
    expect(await sniff('logo', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe('image/svg+xml');
    expect(await sniff('cat.png', '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')).toBe('text/html');
    expect(await sniff('data.txt', '<?xml version="1.0"?><feed/>')).toBe('application/xml');
  });

  it('calls other UTF-8 text plain text, and anything else bytes', async () => {
    expect(await sniff('notes.html', 'Meeting notes — café at 10\n')).toBe('text/plain; charset=utf-8');
    expect(await sniff('blob.txt', Uint8Array.of(1, 2, 0, 255, 254))).toBe('application/octet-stream');
  });
});

describe('textContentType', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('finds HTML by the tag it starts with, after a byte-order mark and blank space', () => {
    expect(textContentType(bytes('\uFEFF  \n<html lang="en">'))).toBe('text/html');
    expect(textContentType(bytes('<script>alert(1)</script>'))).toBe('text/html');
    expect(textContentType(bytes('<!-- a comment -->'))).toBe('text/html');
    expect(textContentType(bytes('<abbr>not a listed tag</abbr>'))).toBe('text/plain; charset=utf-8');
    expect(textContentType(bytes('a < b'))).toBe('text/plain; charset=utf-8');
  });

  it('keeps a character cut by the end of the head as text, and invalid UTF-8 as bytes', () => {
    const cut = bytes('é').subarray(0, 1);
    expect(textContentType(Uint8Array.of(...bytes('text '), ...cut))).toBe('text/plain; charset=utf-8');
    expect(textContentType(Uint8Array.of(0xc3, 0x28))).toBe('application/octet-stream');
  });
});

describe('isRasterImage', () => {
  it('is true for the raster formats a browser only draws, and false for SVG, HTML and the rest', () => {
    for (const type of ['image/png', 'image/apng', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']) expect(isRasterImage(type), type).toBe(true);
    for (const type of ['image/svg+xml', 'text/html', 'application/pdf', 'image/bmp', 'image/tiff', 'text/plain; charset=utf-8']) {
      expect(isRasterImage(type), type).toBe(false);
    }
  });
});
