import { isUploadPlaceholder } from '@quire/editor-schema';
import type { Node } from 'prosemirror-model';
import type { NodeView } from 'prosemirror-view';
import { formatBytes, type MediaContext } from './media-context';
import { uploadPlaceholder } from './upload-placeholder';

const ICON =
  '<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M11.5 2.5H5.5a1.5 1.5 0 0 0-1.5 1.5v12a1.5 1.5 0 0 0 1.5 1.5h9a1.5 1.5 0 0 0 1.5-1.5V7z M11.5 2.5V7H16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/></svg>';

/**
 * An attached file: its name, its size and a download link (the server sends anything but images
 * as a download). While it uploads, a progress bar.
 */
export class AttachmentView implements NodeView {
  readonly dom: HTMLElement;
  private node: Node;
  private stopWatching: (() => void) | null = null;

  constructor(
    node: Node,
    private readonly context: MediaContext,
  ) {
    this.node = node;
    this.dom = document.createElement('div');
    this.dom.className = 'quire-attachment';
    this.draw();
  }

  update(node: Node): boolean {
    if (node.type !== this.node.type) return false;
    const changed = Object.keys(node.attrs).some((key) => node.attrs[key] !== this.node.attrs[key]);
    this.node = node;
    if (changed) this.draw();
    return true;
  }

  stopEvent(event: Event): boolean {
    return Boolean((event.target as HTMLElement | null)?.closest?.('a'));
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
    this.dom.replaceChildren();
    const { src, name, size } = this.node.attrs as { src: string; name: string; size: number | null };
    if (isUploadPlaceholder(src)) {
      const placeholder = uploadPlaceholder(this.context, src.slice('upload:'.length), 'file');
      this.stopWatching = placeholder.stop;
      this.dom.append(placeholder.element);
      return;
    }
    const icon = document.createElement('span');
    icon.className = 'quire-attachment__icon';
    icon.innerHTML = ICON;
    const label = document.createElement('span');
    label.className = 'quire-attachment__name';
    label.textContent = name || 'File';
    const details = document.createElement('span');
    details.className = 'quire-attachment__size';
    details.textContent = size === null ? '' : formatBytes(size);
    this.dom.append(icon, label, details);
    const url = this.context.fileUrl(src);
    if (url) {
      const link = document.createElement('a');
      link.className = 'quire-attachment__download';
      link.href = url;
      link.download = name;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      link.textContent = 'Download';
      link.setAttribute('aria-label', `Download ${name || 'file'}${size === null ? '' : `, ${formatBytes(size)}`}`);
      this.dom.append(link);
    }
  }
}
