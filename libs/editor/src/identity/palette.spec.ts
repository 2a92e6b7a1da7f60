import { describe, expect, it } from 'vitest';
import { colorForUserId, contrastRatio, isHexColor, USER_COLORS } from './palette';

describe('user colors', () => {
  it('are twelve distinct #rrggbb colors', () => {
    expect(USER_COLORS).toHaveLength(12);
    expect(new Set(USER_COLORS).size).toBe(12);
    for (const color of USER_COLORS) expect(isHexColor(color), color).toBe(true);
  });

  it('each carry white label text at WCAG AA contrast and stand out on white paper', () => {
    for (const color of USER_COLORS) {
      expect(contrastRatio(color, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('are chosen from the id, the same every time, and spread over the palette', () => {
    expect(colorForUserId('ada')).toBe(colorForUserId('ada'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => colorForUserId(`user-${i}`)));
    expect(used.size).toBe(12);
  });

  it('recognises only #rrggbb', () => {
    expect(isHexColor('#A1b2C3')).toBe(true);
    for (const value of ['#abc', 'red', '#12345g', 'url(x)', 42, null]) expect(isHexColor(value)).toBe(false);
  });

  it('computes contrast like WCAG', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  });
});
