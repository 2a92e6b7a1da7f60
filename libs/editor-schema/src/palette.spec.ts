import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS, nearestHighlightColor, nearestTextColor, PALETTE, parseCssColor, TEXT_COLORS } from './palette';

function luminance(hex: string): number {
  const [r, g, b] = (parseCssColor(hex) ?? [0, 0, 0]).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('palette', () => {
  it('has text colours readable on white (4.5:1) and highlights dark text stays readable on', () => {
    for (const name of PALETTE) {
      expect((1.05 / (luminance(TEXT_COLORS[name]) + 0.05)), name).toBeGreaterThanOrEqual(4.5);
      expect((luminance(HIGHLIGHT_COLORS[name]) + 0.05) / (luminance('#1a1a1a') + 0.05), name).toBeGreaterThanOrEqual(7);
    }
  });

  it('reads hex, rgb and rgba colours, and treats transparent ones as none', () => {
    expect(parseCssColor('#fff')).toEqual([255, 255, 255]);
    expect(parseCssColor('#1155CC')).toEqual([17, 85, 204]);
    expect(parseCssColor('rgb(255, 0, 0)')).toEqual([255, 0, 0]);
    expect(parseCssColor('rgba(0, 0, 0, 0)')).toBeNull();
    expect(parseCssColor('transparent')).toBeNull();
    expect(parseCssColor('var(--x)')).toBeNull();
  });

  it('maps pasted text colours to the nearest palette colour, and black to none', () => {
    expect(nearestTextColor('#000000')).toBeNull();
    expect(nearestTextColor('rgb(34, 34, 34)')).toBeNull();
    expect(nearestTextColor('#ff0000')).toBe('red');
    expect(nearestTextColor('#1155cc')).toBe('blue');
    expect(nearestTextColor('#38761d')).toBe('green');
    expect(nearestTextColor('#999999')).toBe('gray');
  });

  it('maps pasted backgrounds to the nearest highlight, and white or transparent to none', () => {
    expect(nearestHighlightColor('#ffff00')).toBe('yellow');
    expect(nearestHighlightColor('#00ff00')).toBe('green');
    expect(nearestHighlightColor('transparent')).toBeNull();
    expect(nearestHighlightColor('#ffffff')).toBeNull();
  });
});
