import type { DOMOutputSpec, NodeSpec } from 'prosemirror-model';
import type { ElementLike, NodeLike } from './element-like';

const CHECKBOX = 'input[type="checkbox"]';

/** Whether a pasted list item is ticked, as Quire, GitHub, Notion and Google Docs say it. */
function isChecked(li: NodeLike): boolean {
  if (li.getAttribute('data-checked') === 'true' || li.getAttribute('aria-checked') === 'true') return true;
  if (li.querySelector('.checkbox-on, .to-do-children-checked')) return true;
  const box = li.querySelector(CHECKBOX);
  return box !== null && box.getAttribute('checked') !== null;
}

/** A list whose every item has a checkbox (or says it is one, as Google Docs does with `aria-checked`). */
function isChecklist(list: ElementLike): boolean {
  const items = Array.from(list.children);
  return (
    items.length > 0 &&
    items.every((li) => li.getAttribute('aria-checked') !== null || li.children[0]?.getAttribute('type') === 'checkbox')
  );
}

export const taskNodes = {
  task_list: {
    content: 'task_item+',
    group: 'block',
    parseDOM: [
      { tag: 'ul[data-type="task_list"]', priority: 60 },
      // GitHub's rendered Markdown and Notion's to-do blocks.
      { tag: 'ul.contains-task-list', priority: 60 },
      { tag: 'ul.to-do-list', priority: 60 },
      { tag: 'ul', priority: 55, getAttrs: (dom: ElementLike) => (isChecklist(dom) ? null : false) },
    ],
    toDOM: (): DOMOutputSpec => ['ul', { 'data-type': 'task_list', class: 'quire-task-list' }, 0],
  },

  task_item: {
    attrs: { checked: { default: false, validate: 'boolean' } },
    content: 'paragraph block*',
    defining: true,
    // Above list_item's `li`, and only inside a task list.
    parseDOM: [{ tag: 'li', context: 'task_list/', priority: 60, getAttrs: (dom: ElementLike) => ({ checked: isChecked(dom) }) }],
    toDOM: (node): DOMOutputSpec => {
      const checked = node.attrs['checked'] === true;
      return [
        'li',
        { 'data-type': 'task_item', 'data-checked': String(checked), class: 'quire-task-item' },
        ['span', { class: 'quire-task-checkbox', contenteditable: 'false' }, ['input', { type: 'checkbox', ...(checked ? { checked: 'checked' } : {}) }]],
        ['div', { class: 'quire-task-content' }, 0],
      ];
    },
  },
} satisfies Record<string, NodeSpec>;
