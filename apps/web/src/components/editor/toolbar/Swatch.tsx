import { HIGHLIGHT_COLORS, TEXT_COLORS, type PaletteColor } from '@quire/editor-schema';
import styles from './menu.module.css';

/**
 * A palette colour as a small sample: an "A" in the text colour, or a highlighter square. Drawn
 * through the same CSS variables as the document (a dark theme redefines them); null is "none".
 */
export function Swatch({ kind, color }: { kind: 'text' | 'highlight'; color: PaletteColor | null }) {
  if (kind === 'text') {
    const value = color ? `var(--quire-text-${color}, ${TEXT_COLORS[color]})` : 'var(--color-text)';
    return (
      <span className={styles.swatch} aria-hidden="true" style={{ color: value }}>
        A
      </span>
    );
  }
  if (!color) return <span className={`${styles.swatch} ${styles.noColor}`} aria-hidden="true" />;
  return <span className={styles.swatch} aria-hidden="true" style={{ background: `var(--quire-highlight-${color}, ${HIGHLIGHT_COLORS[color]})` }} />;
}
