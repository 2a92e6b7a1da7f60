import type { Node } from 'prosemirror-model';
import type { NodeView, ViewMutationRecord } from 'prosemirror-view';

let nextId = 0;

/**
 * A task with its checkbox. The schema draws the same structure; this adds what a checkbox needs
 * to be understood: it is named by the task's own text (aria-labelledby), and it is not a Tab stop
 * inside the document (Mod-Enter ticks the task at the cursor). Clicks are handled by
 * `taskCheckboxPlugin` (@quire/editor), which makes ticking an ordinary shared edit.
 */
export class TaskItemView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly box: HTMLInputElement;
  private node: Node;

  constructor(node: Node) {
    this.node = node;
    this.dom = document.createElement('li');
    this.dom.className = 'quire-task-item';
    this.dom.dataset['type'] = 'task_item';
    const holder = document.createElement('span');
    holder.className = 'quire-task-checkbox';
    holder.contentEditable = 'false';
    this.box = document.createElement('input');
    this.box.type = 'checkbox';
    this.box.tabIndex = -1;
    holder.append(this.box);
    this.contentDOM = document.createElement('div');
    this.contentDOM.className = 'quire-task-content';
    this.contentDOM.id = `quire-task-${++nextId}`;
    this.box.setAttribute('aria-labelledby', this.contentDOM.id);
    this.dom.append(holder, this.contentDOM);
    this.draw();
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.draw();
    return true;
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false;
    return !this.contentDOM.contains(mutation.target);
  }

  private draw(): void {
    const checked = this.node.attrs['checked'] === true;
    this.box.checked = checked;
    this.dom.dataset['checked'] = String(checked);
  }
}
