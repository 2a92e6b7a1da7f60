/**
 * Colors for people, each dark enough for white text (contrast at least 4.5:1) and readable as a
 * cursor on white paper. Twelve, far enough apart in hue to tell a small group apart.
 */
export const USER_COLORS: readonly string[] = [
  '#c0392b', // red
  '#b4530b', // orange
  '#8a6d00', // ochre
  '#3f7d1c', // green
  '#0f7a5c', // teal green
  '#0e7490', // cyan
  '#1d5fbf', // blue
  '#4f46e5', // indigo
  '#7c3aed', // violet
  '#a21caf', // magenta
  '#be185d', // pink
  '#6b5b4b', // umber
];

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** True for a `#rrggbb` color, the only form y-prosemirror accepts. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/** FNV-1a over UTF-16 code units: stable everywhere, and spreads short ids well enough. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
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
