import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { dispatchAsOwnUndoStep, moveBlockTransaction, topLevelBlock } from './move-block';

export const blockHandleKey = new PluginKey('blockHandle');

/** Where a dragged block would land: before the top-level block at `index` (childCount: at the end). */
function dropIndex(view: EditorView, clientY: number): number {
  const { doc } = view.state;
  let pos = 0;
  for (let index = 0; index < doc.childCount; index++) {
    const dom = view.nodeDOM(pos);
    if (dom instanceof HTMLElement) {
      const rect = dom.getBoundingClientRect();
      if (clientY < rect.top + rect.height / 2) return index;
    }
    pos += doc.child(index).nodeSize;
  }
  return doc.childCount;
}

/**
 * The handle beside the top-level block under the pointer, and the line showing where a dragged
 * block will land. Both live in the editor's parent element (positioned), outside the editable
 * content, so ProseMirror never reads them as document.
 */
class BlockHandleView {
  readonly handle: HTMLElement;
  readonly line: HTMLElement;
  /** The hovered block's index, while the handle shows. */
  private hovered: number | null = null;
  /** The dragged block's index, from dragstart to drop or dragend. */
  dragging: number | null = null;
  private parentPlaced = false;

  constructor(
    private readonly view: EditorView,
    /** False for people who may not change the content (commenters): no handle. */
    private readonly canMove: () => boolean,
  ) {
    const parent = view.dom.parentElement;
    this.handle = document.createElement('div');
    this.handle.className = 'quire-block-handle';
    this.handle.draggable = true;
    // A pointer affordance: keyboards move blocks with Alt+Shift+ArrowUp/ArrowDown.
    this.handle.setAttribute('aria-hidden', 'true');
    this.handle.title = 'Drag to move this block (Alt+Shift+↑/↓)';
    this.handle.hidden = true;
    this.line = document.createElement('div');
    this.line.className = 'quire-block-drop';
    this.line.setAttribute('aria-hidden', 'true');
    this.line.hidden = true;
    // The parent becomes their containing block when one first shows (placeParent): reading its
    // style here would force a style pass of the whole page while the editor is being created.
    parent?.append(this.handle, this.line);
    view.dom.addEventListener('mousemove', this.onMouseMove);
    parent?.addEventListener('mouseleave', this.onMouseLeave);
    this.handle.addEventListener('dragstart', this.onDragStart);
    this.handle.addEventListener('dragend', this.onDragEnd);
  }

  private onMouseMove = (event: MouseEvent) => {
    if (this.dragging !== null || !this.view.editable || !this.canMove()) return;
    const hit = this.view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (!hit) return;
    const index = this.view.state.doc.resolve(hit.pos).index(0);
    if (index !== this.hovered) this.show(index);
  };

  private onMouseLeave = () => {
    if (this.dragging === null) this.hide();
  };

  /** The handle and the line are placed against their parent: it must be positioned. */
  private placeParent(parent: HTMLElement) {
    if (this.parentPlaced) return;
    this.parentPlaced = true;
    if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
  }

  private show(index: number) {
    const block = topLevelBlock(this.view.state.doc, index);
    const dom = block ? this.view.nodeDOM(block.pos) : null;
    const parent = this.handle.parentElement;
    if (!(dom instanceof HTMLElement) || !parent) return this.hide();
    this.placeParent(parent);
    const box = parent.getBoundingClientRect();
    const rect = dom.getBoundingClientRect();
    // Level with the block's first line (its line height, at most the block's height).
    const lineHeight = Math.min(parseFloat(getComputedStyle(dom).lineHeight) || 24, rect.height);
    this.hovered = index;
    this.handle.hidden = false;
    this.handle.style.top = `${rect.top - box.top + lineHeight / 2}px`;
    this.handle.style.left = `${rect.left - box.left}px`;
  }

  hide() {
    this.hovered = null;
    this.handle.hidden = true;
  }

  private onDragStart = (event: DragEvent) => {
    const block = this.hovered === null ? null : topLevelBlock(this.view.state.doc, this.hovered);
    if (!block || !event.dataTransfer) return event.preventDefault();
    this.dragging = block.index;
    // Not ProseMirror's own dragging (view.dragging): the drop is this plugin's, a block-level move.
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', block.node.textContent);
    const dom = this.view.nodeDOM(block.pos);
    if (dom instanceof HTMLElement) event.dataTransfer.setDragImage(dom, 0, 0);
  };

  private onDragEnd = () => {
    this.dragging = null;
    this.line.hidden = true;
  };

  /** Draws the landing line for a pointer at `clientY`. */
  showLine(clientY: number) {
    const parent = this.line.parentElement;
    if (!parent) return;
    const { doc } = this.view.state;
    const index = dropIndex(this.view, clientY);
    const before = topLevelBlock(doc, index);
    const last = topLevelBlock(doc, doc.childCount - 1);
    const dom = before ? this.view.nodeDOM(before.pos) : last ? this.view.nodeDOM(last.pos) : null;
    if (!(dom instanceof HTMLElement)) return;
    this.placeParent(parent);
    const box = parent.getBoundingClientRect();
    const rect = dom.getBoundingClientRect();
    this.line.hidden = false;
    this.line.style.top = `${(before ? rect.top : rect.bottom) - box.top}px`;
    this.line.style.left = `${rect.left - box.left}px`;
    this.line.style.width = `${rect.width}px`;
  }

  update(view: EditorView, previous: EditorState) {
    // The document changed under a still pointer (typing, someone else's edit): the handle may point
    // at another block now. Other transactions (cursors, selections) leave it.
    if (this.dragging === null && !previous.doc.eq(view.state.doc)) this.hide();
  }

  destroy() {
    this.view.dom.removeEventListener('mousemove', this.onMouseMove);
    this.handle.parentElement?.removeEventListener('mouseleave', this.onMouseLeave);
    this.handle.remove();
    this.line.remove();
  }
}

/**
 * Block drag handles: a handle at the left of the hovered top-level block drags it to another place
 * between top-level blocks. The move is one transaction (one shared update, one undo step), made by
 * the same code as the keyboard's Alt+Shift+ArrowUp/ArrowDown (`moveBlock`).
 */
export function blockHandlePlugin(canMove: () => boolean = () => true): Plugin {
  const views = new WeakMap<EditorView, BlockHandleView>();
  const dragged = (view: EditorView) => {
    const handleView = views.get(view);
    return handleView && handleView.dragging !== null ? handleView : null;
  };
  return new Plugin({
    key: blockHandleKey,
    view(view) {
      const handleView = new BlockHandleView(view, canMove);
      views.set(view, handleView);
      return handleView;
    },
    props: {
      handleDOMEvents: {
        dragover(view, event) {
          const handleView = dragged(view);
          if (!handleView) return false;
          // Its own landing line, between top-level blocks: the drop cursor (a listener on the same
          // element, added after ProseMirror's) would point into the text, where the block does not go.
          event.preventDefault();
          event.stopImmediatePropagation();
          handleView.showLine(event.clientY);
          return true;
        },
      },
      handleDrop(view, event) {
        const handleView = dragged(view);
        if (!handleView || handleView.dragging === null) return false;
        const from = handleView.dragging;
        handleView.dragging = null;
        handleView.line.hidden = true;
        handleView.hide();
        const tr = moveBlockTransaction(view.state, from, dropIndex(view, event.clientY));
        if (tr) dispatchAsOwnUndoStep(view.state, view.dispatch, tr);
        view.focus();
        return true;
      },
    },
  });
}
