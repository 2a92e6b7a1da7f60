import type { Node } from 'prosemirror-model';
import type { NodeView } from 'prosemirror-view';
import type { LiveMap } from './live-map';

/**
 * A mention, shown with the person's name as it is now (a member who renamed themselves shows the
 * new name); the name stored when they were mentioned stands in for people the page does not know.
 */
export class MentionView implements NodeView {
  readonly dom: HTMLElement;
  private node: Node;
  private stopWatching: () => void;

  constructor(
    node: Node,
    private readonly people: LiveMap<string>,
  ) {
    this.node = node;
    this.dom = document.createElement('span');
    this.dom.className = 'quire-mention';
    this.stopWatching = this.watch();
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    const sameId = node.attrs['id'] === this.node.attrs['id'];
    this.node = node;
    if (!sameId) {
      this.stopWatching();
      this.stopWatching = this.watch();
    } else this.draw();
    return true;
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.stopWatching();
  }

  private watch(): () => void {
    this.draw();
    return this.people.watch(String(this.node.attrs['id']), () => this.draw());
  }

  private draw(): void {
    const id = String(this.node.attrs['id']);
    this.dom.dataset['mention'] = id;
    this.dom.textContent = `@${this.people.get(id) ?? String(this.node.attrs['label'])}`;
  }
}
