// Signals that plain text was written as Markdown, each strong enough alone; a sentence with a
// stray asterisk or a hyphenated word has none of them.
const BLOCK_SIGNALS = [
  /^#{1,6}[ \t]+\S/m, // heading
  /^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]/m, // task
  /^[ \t]*```/m, // fence
  /^\|.*\|[ \t]*\n\|?[ \t]*:?-{3,}/m, // table with its delimiter row
  /^>[ \t]?\S/m, // quote
];
const LIST = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/gm;
const INLINE_SIGNALS = [/\*\*[^*\n]+\*\*/, /\[[^\]\n]+\]\(\S+\)/, /(^|\s)`[^`\n]+`/];

/**
 * Whether pasted plain text looks like Markdown, so a paste handler turns it into structure only
 * then: a block signal (heading, task, fence, table, quote), a list of two or more lines, or
 * inline syntax (`**bold**`, `[link](url)`, `` `code` ``).
 */
export function looksLikeMarkdown(text: string): boolean {
  if (BLOCK_SIGNALS.some((pattern) => pattern.test(text))) return true;
  if ((text.match(LIST) ?? []).length >= 2) return true;
  return INLINE_SIGNALS.some((pattern) => pattern.test(text));
}
