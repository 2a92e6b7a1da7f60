import { updateImage } from '@quire/editor';
import { isSafeFileSrc, isUploadPlaceholder } from '@quire/editor-schema';
import type { Node } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import type { MediaContext } from './media-context';
import { uploadPlaceholder } from './upload-placeholder';

/** Narrower than this, an image is too small to find again. */
const MIN_WIDTH = 48;

/**
 * An image block: the file loaded from the server (a guest's with their file token), resizable by
 * the handle at its corner (the width is a shared attribute, so everyone sees the new size), with
 * its caption under it. While it uploads it is a progress bar; a pasted image from another site is
 * shown as a link with a note, since the page loads images from Quire's server only.
 */
export class ImageView implements NodeView {
  readonly dom: HTMLElement;
  private node: Node;
  private stopWatching: (() => void) | null = null;
  private frame: HTMLElement | null = null;
  private img: HTMLImageElement | null = null;
  private caption: HTMLElement | null = null;

  constructor(
    node: Node,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly context: MediaContext,
  ) {
    this.node = node;
    this.dom = document.createElement('figure');
    this.dom.className = 'quire-image';
    this.draw();
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    const previous = this.node;
    this.node = node;
    if (previous.attrs['src'] !== node.attrs['src'] || !this.img) this.draw();
    else this.drawAttributes();
    return true;
  }

  stopEvent(event: Event): boolean {
    const target = event.target as HTMLElement | null;
    return Boolean(target?.closest?.('.quire-image__resize, .quire-image__remote a'));
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.stopWatching?.();
  }

  private draw(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    this.frame = this.img = this.caption = null;
    this.dom.replaceChildren();
    const src = String(this.node.attrs['src']);
    const url = this.context.fileUrl(src);
    if (isUploadPlaceholder(src)) {
      const placeholder = uploadPlaceholder(this.context, src.slice('upload:'.length), 'image');
      this.stopWatching = placeholder.stop;
      this.dom.append(placeholder.element);
    } else if (url) {
      this.frame = document.createElement('div');
      this.frame.className = 'quire-image__frame';
      this.img = document.createElement('img');
      this.img.src = url;
      this.img.draggable = false;
      const handle = document.createElement('span');
      handle.className = 'quire-image__resize';
      handle.setAttribute('aria-hidden', 'true');
      handle.addEventListener('pointerdown', (event) => this.resize(event, handle));
      this.frame.append(this.img, handle);
      this.dom.append(this.frame);
    } else {
      this.dom.append(unloadedNote(src, String(this.node.attrs['alt'] ?? '')));
    }
    this.caption = document.createElement('figcaption');
    this.dom.append(this.caption);
    this.drawAttributes();
  }

  private drawAttributes(): void {
    const { alt, title, width } = this.node.attrs as { alt: string; title: string; width: number | null };
    if (this.img) this.img.alt = alt;
    if (this.frame) this.frame.style.width = width ? `${width}px` : '';
    if (this.caption) {
      this.caption.textContent = title;
      this.caption.hidden = !title;
    }
  }

  /** Drags the corner handle: the frame follows the pointer, and the width is stored on release. */
  private resize(event: PointerEvent, handle: HTMLElement): void {
    const frame = this.frame;
    if (!frame || !this.view.editable) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = frame.getBoundingClientRect().width;
    const maxWidth = this.dom.getBoundingClientRect().width;
    let width = startWidth;
    const move = (moving: PointerEvent) => {
      width = Math.min(Math.max(startWidth + moving.clientX - startX, MIN_WIDTH), maxWidth);
      frame.style.width = `${width}px`;
    };
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      const pos = this.getPos();
      if (pos === undefined || Math.round(width) === Math.round(startWidth)) return;
      updateImage(pos, { width: width >= maxWidth - 1 ? null : Math.round(width) })(this.view.state, this.view.dispatch);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  }
}

/** A note in place of an image the page does not load: another site's, or an unsafe source. */
function unloadedNote(src: string, alt: string): HTMLElement {
  const note = document.createElement('div');
  note.className = 'quire-image__remote';
  if (!isSafeFileSrc(src)) {
    note.textContent = alt ? `Image not available: ${alt}` : 'Image not available';
    return note;
  }
  const link = document.createElement('a');
  link.href = src;
  link.rel = 'noopener noreferrer';
  link.target = '_blank';
  link.textContent = alt || new URL(src).hostname;
  note.append('Image from another site, not loaded: ', link);
  return note;
}
