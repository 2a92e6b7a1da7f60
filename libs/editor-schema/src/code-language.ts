import type { ElementLike } from './element-like';

/** A code block's language as stored: lower case, 1-32 of `[a-z0-9+#._-]` (`typescript`, `c++`). */
export const CODE_LANGUAGE_PATTERN = /^[a-z0-9+#._-]{1,32}$/;

export function normalizeCodeLanguage(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const language = value.trim().toLowerCase();
  return CODE_LANGUAGE_PATTERN.test(language) ? language : null;
}

/**
 * The language a pasted `<pre>` names: `data-language` (Quire's own), or a `language-x`/`lang-x`
 * class on it or on its `<code>` (GitHub, Notion, highlight.js, Prism).
 */
export function codeLanguageOf(pre: ElementLike): string | null {
  const stated = normalizeCodeLanguage(pre.getAttribute('data-language'));
  if (stated) return stated;
  for (const element of [pre, pre.querySelector('code')]) {
    const match = /(?:^|\s)lang(?:uage)?-([^\s]+)/.exec(element?.getAttribute('class') ?? '');
    const language = normalizeCodeLanguage(match?.[1]);
    if (language) return language;
  }
  return null;
}
