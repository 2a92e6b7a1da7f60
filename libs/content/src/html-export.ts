import type { Mark, Node } from 'prosemirror-model';
import { HIGHLIGHT_COLORS, isPaletteColor, isSafeFileSrc, isSafeHref, mentionText, TEXT_COLORS } from '@quire/editor-schema';

/** An image's bytes, to embed it as a `data:` URL so the file stands alone. */
export interface EmbeddedImage {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export interface HtmlExportOptions {
  /** The `<title>`; the document's first line is a good one. */
  readonly title?: string;
  /** Images' bytes by their `src`: each becomes a `data:` URL. Others keep their address. */
  readonly images?: ReadonlyMap<string, EmbeddedImage>;
  /** Where `/api/files/…` sources and links point when they are not embedded (the server's public URL). */
  readonly baseUrl?: string;
}

const CALLOUT_COLORS: Record<string, readonly [string, string]> = {
  info: ['#1d5fbf', '#eef4fd'],
  warning: ['#b45309', '#fdf3e6'],
  success: ['#2e7d32', '#edf7ee'],
  error: ['#c62828', '#fcecec'],
};

const BODY_STYLE =
  'max-width:46rem;margin:2rem auto;padding:0 1rem;font:16px/1.6 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2328;background:#fff';
const STYLES: Record<string, string> = {
  p: 'margin:0 0 0.8em',
  h1: 'font-size:2em;margin:1.2em 0 0.5em;line-height:1.25',
  h2: 'font-size:1.5em;margin:1.2em 0 0.5em;line-height:1.25',
  h3: 'font-size:1.25em;margin:1.1em 0 0.4em;line-height:1.25',
  h4: 'font-size:1em;margin:1em 0 0.4em;line-height:1.25',
  blockquote: 'margin:0 0 1em;padding:0 1em;border-left:0.25em solid #d0d7de;color:#57606a',
  pre: 'margin:0 0 1em;padding:0.8em 1em;background:#f6f8fa;border-radius:6px;overflow:auto;font:0.875em/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace',
  code: 'padding:0.1em 0.3em;background:#eff1f3;border-radius:4px;font:0.875em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace',
  hr: 'border:0;border-top:1px solid #d0d7de;margin:1.5em 0',
  list: 'margin:0 0 1em;padding-left:1.6em',
  tasks: 'margin:0 0 1em;padding-left:0;list-style:none',
  task: 'display:flex;gap:0.5em;align-items:baseline',
  table: 'border-collapse:collapse;margin:0 0 1em;width:100%',
  cell: 'border:1px solid #d0d7de;padding:0.4em 0.7em;vertical-align:top;text-align:left',
  figure: 'margin:0 0 1em',
  img: 'max-width:100%;height:auto',
  caption: 'color:#57606a;font-size:0.875em;margin-top:0.3em',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or an attribute value with HTML's special characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * A document as a standalone HTML file: every node of the schema, styles inline (no stylesheet,
 * no script), links only when safe, images embedded as `data:` URLs when their bytes are given.
 */
export function toHtml(doc: Node, options: HtmlExportOptions = {}): string {
  const body = blocks(doc, options);
  const title = escapeHtml(options.title || 'Untitled');
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n</head>\n<body style="${BODY_STYLE}">\n${body}</body>\n</html>\n`;
}

/** Only the body's content: the document as an HTML fragment with inline styles. */
export function toHtmlFragment(doc: Node, options: HtmlExportOptions = {}): string {
  return blocks(doc, options);
}

function blocks(parent: Node, options: HtmlExportOptions): string {
  let html = '';
  parent.forEach((node) => {
    html += block(node, options);
  });
  return html;
}

const alignStyle = (node: Node) => (node.attrs['align'] && node.attrs['align'] !== 'left' ? `;text-align:${node.attrs['align'] as string}` : '');

function block(node: Node, options: HtmlExportOptions): string {
  const inner = () => blocks(node, options);
  switch (node.type.name) {
    case 'paragraph':
      return `<p style="${STYLES.p}${alignStyle(node)}">${inline(node, options) || '<br>'}</p>\n`;
    case 'heading': {
      const tag = `h${node.attrs['level'] as number}`;
      return `<${tag} style="${STYLES[tag]}${alignStyle(node)}">${inline(node, options)}</${tag}>\n`;
    }
    case 'blockquote':
      return `<blockquote style="${STYLES.blockquote}">\n${inner()}</blockquote>\n`;
    case 'callout': {
      const kind = node.attrs['kind'] as string;
      const [border, background] = CALLOUT_COLORS[kind] ?? CALLOUT_COLORS.info;
      return `<div data-callout="${escapeHtml(kind)}" style="margin:0 0 1em;padding:0.6em 1em;border-left:4px solid ${border};background:${background};border-radius:4px">\n${inner()}</div>\n`;
    }
    case 'code_block': {
      const language = node.attrs['language'] as string | null;
      const attribute = language ? ` class="language-${escapeHtml(language)}" data-language="${escapeHtml(language)}"` : '';
      return `<pre style="${STYLES.pre}"><code${attribute}>${escapeHtml(node.textContent)}</code></pre>\n`;
    }
    case 'horizontal_rule':
      return `<hr style="${STYLES.hr}">\n`;
    case 'bullet_list':
      return `<ul style="${STYLES.list}">\n${inner()}</ul>\n`;
    case 'ordered_list': {
      const order = node.attrs['order'] as number;
      return `<ol${order !== 1 ? ` start="${order}"` : ''} style="${STYLES.list}">\n${inner()}</ol>\n`;
    }
    case 'list_item':
      return `<li>${inner()}</li>\n`;
    case 'task_list':
      return `<ul style="${STYLES.tasks}">\n${inner()}</ul>\n`;
    case 'task_item': {
      const checked = node.attrs['checked'] === true;
      return `<li style="${STYLES.task}"><input type="checkbox" disabled${checked ? ' checked' : ''} aria-label="${checked ? 'done' : 'to do'}"><div>${inner()}</div></li>\n`;
    }
    case 'table':
      return `<table style="${STYLES.table}">\n${inner()}</table>\n`;
    case 'table_row':
      return `<tr>${inner()}</tr>\n`;
    case 'table_header':
    case 'table_cell': {
      const tag = node.type.name === 'table_header' ? 'th' : 'td';
      const span = ['colspan', 'rowspan'].map((name) => ((node.attrs[name] as number) > 1 ? ` ${name}="${node.attrs[name] as number}"` : '')).join('');
      // Header cells are bold by the browser's own style: a font-weight here would read back as bold text.
      const weight = tag === 'th' ? ';background:#f6f8fa' : '';
      return `<${tag}${span} style="${STYLES.cell}${weight}">${inner()}</${tag}>`;
    }
    case 'image':
      return image(node, options);
    case 'attachment': {
      const { src, name, size } = node.attrs as { src: string; name: string; size: number | null };
      const label = `${escapeHtml(name || 'file')}${size ? ` (${formatBytes(size)})` : ''}`;
      return isSafeFileSrc(src) ? `<p style="${STYLES.p}">📎 <a href="${escapeHtml(absolute(src, options))}">${label}</a></p>\n` : `<p style="${STYLES.p}">📎 ${label}</p>\n`;
    }
    default:
      // A node this exporter does not know yet: its text, never dropped.
      return node.isTextblock ? `<p style="${STYLES.p}">${inline(node, options)}</p>\n` : inner();
  }
}

function image(node: Node, options: HtmlExportOptions): string {
  const { src, alt, title, width } = node.attrs as { src: string; alt: string; title: string; width: number | null };
  const embedded = options.images?.get(src);
  const url = embedded ? `data:${embedded.contentType};base64,${base64(embedded.bytes)}` : isSafeFileSrc(src) ? absolute(src, options) : '';
  const img = url ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}"${width ? ` width="${width}"` : ''} style="${STYLES.img}">` : `<span>${escapeHtml(alt || 'image')}</span>`;
  const caption = title ? `<figcaption style="${STYLES.caption}">${escapeHtml(title)}</figcaption>` : '';
  return `<figure style="${STYLES.figure}">${img}${caption}</figure>\n`;
}

function absolute(src: string, options: HtmlExportOptions): string {
  return src.startsWith('/') && options.baseUrl ? `${options.baseUrl.replace(/\/$/, '')}${src}` : src;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function inline(parent: Node, options: HtmlExportOptions): string {
  let html = '';
  parent.forEach((child) => {
    let piece: string;
    if (child.isText) piece = escapeHtml(child.text ?? '');
    else if (child.type.name === 'hard_break') piece = '<br>';
    else if (child.type.name === 'mention') piece = `<span style="color:#1d5fbf">${escapeHtml(mentionText(child))}</span>`;
    else piece = escapeHtml(child.textContent);
    // Marks are listed outermost first: wrap from the innermost out.
    for (const mark of [...child.marks].reverse()) piece = wrap(mark, piece, options);
    html += piece;
  });
  return html;
}

function wrap(mark: Mark, html: string, options: HtmlExportOptions): string {
  const color = mark.attrs['color'] as string | undefined;
  switch (mark.type.name) {
    case 'link': {
      const href = mark.attrs['href'] as string;
      const safe = isSafeHref(href) || isSafeFileSrc(href);
      return safe ? `<a href="${escapeHtml(absolute(href, options))}" rel="noopener noreferrer" style="color:#0969da">${html}</a>` : html;
    }
    case 'bold':
      return `<strong>${html}</strong>`;
    case 'italic':
      return `<em>${html}</em>`;
    case 'underline':
      return `<u>${html}</u>`;
    case 'strike':
      return `<s>${html}</s>`;
    case 'code':
      return `<code style="${STYLES.code}">${html}</code>`;
    case 'highlight':
      return `<mark style="background:${isPaletteColor(color) ? HIGHLIGHT_COLORS[color] : HIGHLIGHT_COLORS.yellow};color:inherit">${html}</mark>`;
    case 'text_color':
      return isPaletteColor(color) ? `<span style="color:${TEXT_COLORS[color]}">${html}</span>` : html;
    case 'subscript':
      return `<sub>${html}</sub>`;
    case 'superscript':
      return `<sup>${html}</sup>`;
    default:
      return html;
  }
}

/** Bytes as base64 with `btoa` (browsers and Node alike), in chunks that stay within argument limits. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
