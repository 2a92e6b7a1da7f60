import type { DOMOutputSpec, NodeSpec } from 'prosemirror-model';
import type { ElementLike, NodeLike } from './element-like';
import { FILE_URL_PATTERN, isSafeFileSrc, isUploadPlaceholder } from './file-src';

const MAX_IMAGE_WIDTH = 4000;

function widthOf(value: string | null): number | null {
  const width = Number.parseInt(value ?? '', 10);
  return Number.isInteger(width) && width > 0 && width <= MAX_IMAGE_WIDTH ? width : null;
}

/** An `<img>`'s attributes, or null when its source may not be loaded (`data:`, `file:`, relative). */
function imageAttrs(img: NodeLike): Record<string, unknown> | null {
  const src = (img.getAttribute('src') ?? '').trim();
  if (!isSafeFileSrc(src)) return null;
  return { src, alt: img.getAttribute('alt') ?? '', title: img.getAttribute('title') ?? '', width: widthOf(img.getAttribute('width')) };
}

function renderedSrc(src: unknown): Record<string, string> {
  if (isUploadPlaceholder(src)) return { 'data-upload': src.slice('upload:'.length) };
  return isSafeFileSrc(src) ? {} : { 'data-unsafe-src': '' };
}

export const mediaNodes = {
  image: {
    // Attributes are checked by type only; `src` is checked where it matters, when parsing and
    // when rendering, so a value another client wrote never makes y-prosemirror delete the node.
    attrs: {
      src: { validate: 'string' },
      alt: { default: '', validate: 'string' },
      title: { default: '', validate: 'string' },
      width: { default: null, validate: 'number|null' },
    },
    group: 'block',
    atom: true,
    draggable: true,
    parseDOM: [
      {
        // A figure's caption becomes the image's title rather than a paragraph of its own.
        tag: 'figure',
        priority: 60,
        getAttrs: (dom: ElementLike) => {
          const img = dom.querySelector('img');
          const attrs = img ? imageAttrs(img) : null;
          if (!attrs) return false;
          const caption = dom.querySelector('figcaption')?.textContent?.trim();
          return caption ? { ...attrs, title: caption } : attrs;
        },
      },
      // Google Docs draws a checklist's boxes as images; the list item carries the tick.
      { tag: 'img[aria-roledescription="checkbox"]', ignore: true, priority: 70 },
      { tag: 'img[src]', getAttrs: (dom: ElementLike) => imageAttrs(dom) ?? false },
    ],
    toDOM: (node): DOMOutputSpec => {
      const { src, alt, title, width } = node.attrs as { src: string; alt: string; title: string; width: number | null };
      const img = ['img', { ...(isSafeFileSrc(src) ? { src: src.trim() } : {}), alt, ...(title ? { title } : {}), ...(width ? { width: String(width) } : {}) }];
      return ['figure', { class: 'quire-image', ...renderedSrc(src) }, img, ...(title ? [['figcaption', title]] : [])] as DOMOutputSpec;
    },
  },

  attachment: {
    attrs: {
      src: { validate: 'string' },
      name: { default: '', validate: 'string' },
      size: { default: null, validate: 'number|null' },
      contentType: { default: '', validate: 'string' },
    },
    group: 'block',
    atom: true,
    draggable: true,
    parseDOM: [
      {
        tag: 'div[data-attachment]',
        getAttrs: (dom: ElementLike) => {
          const src = (dom.getAttribute('data-src') ?? '').trim();
          if (!FILE_URL_PATTERN.test(src) && !isUploadPlaceholder(src)) return false;
          const size = Number(dom.getAttribute('data-size'));
          return {
            src,
            name: dom.getAttribute('data-name') ?? dom.textContent?.trim() ?? '',
            size: Number.isSafeInteger(size) && size >= 0 && dom.getAttribute('data-size') !== null ? size : null,
            contentType: dom.getAttribute('data-content-type') ?? '',
          };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => {
      const { src, name, size, contentType } = node.attrs as { src: string; name: string; size: number | null; contentType: string };
      const href = FILE_URL_PATTERN.test(src) ? { href: src, download: name } : {};
      return [
        'div',
        {
          class: 'quire-attachment',
          'data-attachment': '',
          'data-src': src,
          'data-name': name,
          ...(size !== null ? { 'data-size': String(size) } : {}),
          ...(contentType ? { 'data-content-type': contentType } : {}),
          ...renderedSrc(src),
        },
        ['a', { ...href, rel: 'noopener noreferrer' }, name || 'file'],
      ];
    },
  },
} satisfies Record<string, NodeSpec>;
