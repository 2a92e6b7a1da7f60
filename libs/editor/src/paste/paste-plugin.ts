import { Plugin, PluginKey } from 'prosemirror-state';
import { setLink } from '../commands/link';
import { cleanPastedSlice, markdownSlice, normalizePastedHtml, pastedLink } from './paste-transforms';

/** The key of `pastePlugin`. */
export const pasteKey = new PluginKey('quire-paste');

/**
 * Faithful paste: Word's lists gathered before parsing, links without the look other editors
 * give them, Markdown pasted as plain text turned into structure (not inside code, and not when
 * pasting as plain text with Shift), and a web address pasted onto selected text linking it
 * (unsafe schemes are refused by `setLink` and paste as text).
 */
export function pastePlugin(): Plugin {
  return new Plugin({
    key: pasteKey,
    props: {
      transformPastedHTML: (html) => normalizePastedHtml(html),
      transformPasted: (slice) => cleanPastedSlice(slice),
      clipboardTextParser: (text, $context, plain) => {
        if (plain || $context.parent.type.spec.code) return null as never;
        return markdownSlice(text) ?? (null as never);
      },
      handlePaste: (view, event) => {
        if (view.state.selection.empty) return false;
        const href = pastedLink(event.clipboardData?.getData('text/plain') ?? '');
        return href !== null && setLink(href)(view.state, view.dispatch);
      },
    },
  });
}
