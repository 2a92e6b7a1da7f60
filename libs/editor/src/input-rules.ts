import { schema, type HeadingLevel } from '@quire/editor-schema';
import { Fragment, type MarkType } from 'prosemirror-model';
import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { TextSelection, type Plugin } from 'prosemirror-state';
import { codeFenceRule, codeLanguageRule } from './code/code-input-rules';
import { taskInputRule } from './tasks/task-input-rule';

/** `# ` to `#### ` start a heading of that level. */
const headingRule = textblockTypeInputRule(/^(#{1,4})\s$/, schema.nodes.heading, (match) => ({
  level: (match[1] ?? '#').length as HeadingLevel,
}));

/** `- ` or `* ` start a bullet list. */
const bulletListRule = wrappingInputRule(/^\s*([-*])\s$/, schema.nodes.bullet_list);

/** `1. ` starts an ordered list numbered from that number; it joins a list just above. */
const orderedListRule = wrappingInputRule(
  /^(\d{1,9})\.\s$/,
  schema.nodes.ordered_list,
  (match) => ({ order: Number(match[1]) }),
  (match, node) => node.childCount + (node.attrs['order'] as number) === Number(match[1]),
);

/** `> ` starts a quote. */
const blockquoteRule = wrappingInputRule(/^\s*>\s$/, schema.nodes.blockquote);


/** `---` on a line of its own becomes a horizontal rule, with the cursor on a new line after it. */
const horizontalRuleRule = new InputRule(/^---$/, (state, _match, start, end) => {
  const $start = state.doc.resolve(start);
  const paragraph = $start.parent;
  if (paragraph.type !== schema.nodes.paragraph || end !== $start.end()) return null;
  const replacement = Fragment.from([schema.nodes.horizontal_rule.create(), schema.nodes.paragraph.create()]);
  const container = $start.node(-1);
  const index = $start.index(-1);
  if (!container.canReplace(index, index + 1, replacement)) return null;
  const from = $start.before();
  const tr = state.tr.replaceWith(from, $start.after(), replacement);
  return tr.setSelection(TextSelection.create(tr.doc, from + 2));
});

/**
 * A rule that turns `open text close`, as it is completed by the typed closing character, into
 * `text` with `type`. The lookbehind keeps `*` from matching the first half of `**`.
 */
function markRule(pattern: RegExp, type: MarkType): InputRule {
  return new InputRule(
    pattern,
    (state, match, start, end) => {
      const [full, content] = match;
      if (content === undefined || content.trim() === '') return null;
      const $start = state.doc.resolve(start);
      if (!$start.parent.type.allowsMarkType(type)) return null;
      const textStart = start + full.lastIndexOf(content);
      const textEnd = textStart + content.length;
      // The closing character was typed but is not in the document yet: `end` is the cursor.
      const tr = state.tr;
      if (textEnd < end) tr.delete(textEnd, end);
      if (textStart > start) tr.delete(start, textStart);
      const markEnd = start + content.length;
      tr.addMark(start, markEnd, type.create());
      tr.removeStoredMark(type);
      return tr;
    },
    { inCodeMark: false },
  );
}

const boldRule = markRule(/(?<![*\w])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*$/, schema.marks.bold);
const italicRule = markRule(/(?<![*\w])\*([^*\s](?:[^*]*[^*\s])?)\*$/, schema.marks.italic);
const codeRule = markRule(/(?<![`\w])`([^`]+)`$/, schema.marks.code);

/** Every Markdown-style rule, in the order they are tried. */
export const markdownInputRules: readonly InputRule[] = [
  headingRule,
  taskInputRule,
  bulletListRule,
  orderedListRule,
  blockquoteRule,
  codeFenceRule,
  codeLanguageRule,
  horizontalRuleRule,
  boldRule,
  italicRule,
  codeRule,
];

/** The input rules plugin: Markdown shortcuts as you type; Backspace right after one undoes it. */
export function buildInputRules(): Plugin {
  return inputRules({ rules: markdownInputRules });
}
