/**
 * The fixed colours text and highlights may take. Documents store the name; pages draw it through a
 * CSS variable (`--quire-text-<name>`, `--quire-highlight-<name>`) so a dark theme can redefine
 * every colour, with the light value as the fallback.
 */
export const PALETTE = ['gray', 'brown', 'red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink'] as const;
export type PaletteColor = (typeof PALETTE)[number];

/** Text colours on a white page (each at least 4.5:1 against white). */
export const TEXT_COLORS: Readonly<Record<PaletteColor, string>> = {
  gray: '#6b6b6b',
  brown: '#8a5a3b',
  red: '#c62828',
  orange: '#b45309',
  yellow: '#8a6d00',
  green: '#2e7d32',
  blue: '#1d5fbf',
  purple: '#7b3fb8',
  pink: '#b4236b',
};

/** Highlight backgrounds on a white page (dark text stays readable on each). */
export const HIGHLIGHT_COLORS: Readonly<Record<PaletteColor, string>> = {
  gray: '#e8e8e6',
  brown: '#eee0d5',
  red: '#fbdcdc',
  orange: '#fde3c8',
  yellow: '#fff3a3',
  green: '#d6f2d9',
  blue: '#d6e6fb',
  purple: '#e9dcf7',
  pink: '#f9dcea',
};

export function isPaletteColor(value: unknown): value is PaletteColor {
  return PALETTE.includes(value as PaletteColor);
}

type Rgb = readonly [number, number, number];

/** Reads `#rgb`, `#rrggbb`, `rgb()` and `rgba()`; null for anything else, or a transparent colour. */
export function parseCssColor(value: string): Rgb | null {
  const text = value.trim().toLowerCase();
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/.exec(text);
  if (hex?.[1]) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    return [0, 2, 4].map((at) => Number.parseInt(digits.slice(at, at + 2), 16)) as unknown as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(text);
  if (!rgb) return null;
  const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? Number.parseFloat(rgb[4]) / 100 : Number.parseFloat(rgb[4]);
  if (!(alpha > 0.1)) return null;
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

function nearest(rgb: Rgb, table: Readonly<Record<PaletteColor, string>>): PaletteColor {
  let best: PaletteColor = 'gray';
  let bestDistance = Infinity;
  for (const name of PALETTE) {
    const candidate = parseCssColor(table[name]) as Rgb;
    const distance = candidate.reduce((sum, channel, i) => sum + (channel - (rgb[i] ?? 0)) ** 2, 0);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

const spread = (rgb: Rgb) => Math.max(...rgb) - Math.min(...rgb);
const lightness = (rgb: Rgb) => (Math.max(...rgb) + Math.min(...rgb)) / 2;

/**
 * The palette colour nearest to a pasted CSS text colour, or null for black and near-black greys:
 * Google Docs and Word state the default text colour on every run, which must not become a mark.
 */
export function nearestTextColor(css: string): PaletteColor | null {
  const rgb = parseCssColor(css);
  if (!rgb || (spread(rgb) < 24 && lightness(rgb) < 80)) return null;
  if (spread(rgb) < 24) return 'gray';
  return nearest(rgb, TEXT_COLORS);
}

/** The palette highlight nearest to a pasted background colour, or null for white and transparent. */
export function nearestHighlightColor(css: string): PaletteColor | null {
  const rgb = parseCssColor(css);
  if (!rgb || (spread(rgb) < 12 && lightness(rgb) > 240)) return null;
  if (spread(rgb) < 24) return 'gray';
  // Pasted highlights are usually saturated (#ffff00); compare hues against the full-strength
  // text colours, whose order matches the highlights'.
  return nearest(rgb, TEXT_COLORS);
}
