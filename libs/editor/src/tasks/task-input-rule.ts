import { schema } from '@quire/editor-schema';
import { InputRule } from 'prosemirror-inputrules';
import { TextSelection } from 'prosemirror-state';
import { findWrapping } from 'prosemirror-transform';

/**
 * `[ ] ` or `[x] ` at the start of a paragraph makes it a task, unticked or ticked; in a task list
 * just above, it joins that list. In the only item of a bullet list (`- [ ] `, GitHub's syntax) the
 * list becomes a task list.
 */
export const taskInputRule: InputRule = new InputRule(/^\[([ xX]?)\]\s$/, (state, match, start, end) => {
  const checked = (match[1] ?? '').toLowerCase() === 'x';
  const tr = state.tr.delete(start, end);
  const $start = tr.doc.resolve(start);
  if ($start.parent.type !== schema.nodes.paragraph) return null;
  const item = $start.node(-1);
  const list = $start.depth >= 3 ? $start.node(-2) : null;
  if (item.type === schema.nodes.list_item && list?.type === schema.nodes.bullet_list && list.childCount === 1 && $start.index(-1) === 0) {
    const listPos = $start.before(-2);
    const task = schema.nodes.task_item.create({ checked }, item.content);
    tr.replaceWith(listPos, listPos + list.nodeSize, schema.nodes.task_list.create(null, task));
    tr.setSelection(TextSelection.create(tr.doc, listPos + 3));
    return tr;
  }
  const range = $start.blockRange();
  const wrapping = range && findWrapping(range, schema.nodes.task_list);
  if (!range || !wrapping) return null;
  const itemWrapper = wrapping[1];
  if (itemWrapper) wrapping[1] = { type: itemWrapper.type, attrs: { checked } };
  tr.wrap(range, wrapping);
  const before = tr.doc.resolve(start - 1).nodeBefore;
  if (before?.type === schema.nodes.task_list && $start.depth === 1) tr.join(start - 1);
  return tr;
});
