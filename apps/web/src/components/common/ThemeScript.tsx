import { THEME_SCRIPT } from '../../lib/theme/theme-choice';

/**
 * The chosen theme, applied while <head> is parsed, before anything is painted (lib/theme). Inline,
 * so it carries this response's CSP nonce (src/proxy.ts); React leaves it alone on hydration, as the
 * browser hides a nonce from the DOM once it has checked it.
 */
export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
