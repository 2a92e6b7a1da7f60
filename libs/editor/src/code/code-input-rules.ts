import { normalizeCodeLanguage, schema } from '@quire/editor-schema';
import { InputRule, textblockTypeInputRule } from 'prosemirror-inputrules';
import { isHighlightable } from './languages';

/** ``` starts a code block at once (as in Notion). */
export const codeFenceRule: InputRule = textblockTypeInputRule(/^```$/, schema.nodes.code_block);

/**
 * ```` ```ts ```` then a space: right after ``` made a plain code block, a known language name and
 * a space as its first word set the block's language instead of staying as text. Backspace right
 * after undoes it, like every input rule.
 */
export const codeLanguageRule: InputRule = new InputRule(
  /^([\w+#.-]{1,32})\s$/,
  (state, match, start) => {
    const $start = state.doc.resolve(start);
    const block = $start.parent;
    const language = normalizeCodeLanguage(match[1]);
    if (block.type !== schema.nodes.code_block || block.attrs['language'] !== null || $start.parentOffset !== 0) return null;
    if (!language || !isHighlightable(language) || block.textContent !== match[1]) return null;
    return state.tr.setNodeAttribute($start.before(), 'language', language).delete(start, start + block.content.size);
  },
  { inCode: 'only' },
);
