/**
 * Colors for people, each dark enough for white text (contrast at least 4.5:1) and readable as a
 * cursor on white paper. Twelve, far enough apart in hue to tell a small group apart.
 */
export const USER_COLORS: readonly string[] = [
  '#c62828', // red
  '#b45309', // orange
  '#8a6d00', // mustard
  '#2e7d32', // green
  '#00796b', // teal
  '#0277bd', // sky
  '#1e3a8a', // navy
  '#6d28d9', // violet
  '#a21caf', // magenta
  '#be185d', // pink
  '#795548', // brown
  '#475569', // slate
];

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** True for a `#rrggbb` color, the only form y-prosemirror accepts. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/**
 * FNV-1a over UTF-16 code units, then MurmurHash3's finaliser: FNV alone leaves the low bits, which
 * pick the color, poorly mixed.
 */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A person's color, chosen from `USER_COLORS` by their id so it is the same on every screen. */
export function colorForUserId(id: string): string {
  return USER_COLORS[hash(id) % USER_COLORS.length] as string;
}

/** WCAG relative luminance of a `#rrggbb` color. */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const c = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two `#rrggbb` colors. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
