import { Window } from 'happy-dom';
import { DOMParser as ProseMirrorParser } from 'prosemirror-model';
import { isSafeFileSrc, isSafeHref, schema } from '@quire/editor-schema';
import { ContentError } from './content-error';
import type { Conversion } from './conversion';

/** The deepest nesting of elements an import takes; deeper HTML is refused (422) before it is parsed. */
export const MAX_HTML_DEPTH = 512;

/** Removed with everything in them: they never hold document text. */
const DROPPED = new Set(['script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea', 'canvas', 'svg', 'math', 'audio', 'video', 'source', 'track', 'head', 'title']);
/** Elements the schema reads, or wrappers whose content it reads. */
const KNOWN = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'span', 'font', 'small', 'big', 'center',
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'hr', 'br',
  'ul', 'ol', 'li', 'label', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col',
  'img', 'figure', 'figcaption', 'picture', 'a', 'strong', 'b', 'em', 'i', 'u', 'ins', 's', 'del', 'strike', 'sub', 'sup', 'mark', 'tt', 'kbd', 'samp', 'var',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(\/?)>/g;

/**
 * How deeply `html` nests elements, found by a linear scan of its tags (no tree is built), so that
 * 100,000 nested `<div>`s are refused in milliseconds instead of costing a parser's recursion.
 */
export function nestingDepth(html: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(TAG)) {
    const name = match[2].toLowerCase();
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (!match[3] && !VOID.has(name)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    }
  }
  return deepest;
}

type DomElement = ReturnType<InstanceType<typeof Window>['document']['createElement']>;

/**
 * HTML (a saved page, a Word export, mammoth's output) to a document, sanitised: what the schema
 * has no node or mark for is left out (scripts, styles, event-handler attributes, `javascript:`
 * and other unsafe links and image sources never reach the document), unknown elements give their
 * text to the nearest node (an unknown block becomes a paragraph). `changes` says what went.
 */
export async function fromHtml(html: string): Promise<Conversion> {
  if (nestingDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH) {
    throw new ContentError(`This HTML nests elements more than ${MAX_HTML_DEPTH} deep; Quire does not import it`);
  }
  // Nothing in it is loaded or run: scripts are off in happy-dom, and a template's content is inert.
  const window = new Window({
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  try {
    const template = window.document.createElement('template');
    template.innerHTML = html;
    const root = window.document.createElement('div');
    root.append(template.content);
    const changes = sanitize(root);
    const doc = ProseMirrorParser.fromSchema(schema).parse(root as unknown as Parameters<ProseMirrorParser['parse']>[0]);
    return { doc, changes };
  } finally {
    await window.happyDOM.abort();
    window.close();
  }
}

/** Removes what may not survive and counts what the schema will not keep as it was. */
function sanitize(root: DomElement): string[] {
  const removed = new Map<string, number>();
  const unknown = new Map<string, number>();
  let handlers = 0;
  let unsafeLinks = 0;
  let unsafeImages = 0;
  for (const element of [...root.querySelectorAll('*')]) {
    const name = element.tagName.toLowerCase();
    // Skips what was removed with an element removed before it.
    if (!root.contains(element)) continue;
    if (DROPPED.has(name)) {
      // A task list's checkbox is read by the schema, not dropped.
      if (name === 'input' && element.getAttribute('type') === 'checkbox') continue;
      removed.set(name, (removed.get(name) ?? 0) + 1);
      element.remove();
      continue;
    }
    for (const attribute of [...element.attributes]) {
      if (/^on/i.test(attribute.name)) {
        handlers += 1;
        element.removeAttribute(attribute.name);
      }
    }
    if (name === 'a' && element.hasAttribute('href') && !isSafeHref(element.getAttribute('href') ?? '') && !isSafeFileSrc(element.getAttribute('href') ?? '')) {
      unsafeLinks += 1;
      element.removeAttribute('href');
    }
    if (name === 'img' && !isSafeFileSrc(element.getAttribute('src') ?? '')) {
      unsafeImages += 1;
      element.remove();
      continue;
    }
    if (!KNOWN.has(name)) unknown.set(name, (unknown.get(name) ?? 0) + 1);
  }
  const changes: string[] = [];
  if (removed.size > 0) changes.push(`Removed ${describe(removed)}: Quire documents hold no scripts, styles, forms or embedded media`);
  if (handlers > 0) changes.push(`Removed ${handlers} event-handler attribute${handlers === 1 ? '' : 's'} (onclick, onerror…)`);
  if (unsafeLinks > 0) changes.push(`Kept the text of ${unsafeLinks} link${unsafeLinks === 1 ? '' : 's'} whose address is not http, https or mailto (such as javascript:), without the link`);
  if (unsafeImages > 0) changes.push(`Left out ${unsafeImages} image${unsafeImages === 1 ? '' : 's'} whose source is not a web address (such as data: or a local file); upload them to the document instead`);
  if (unknown.size > 0) changes.push(`Kept the text of ${describe(unknown)}, which Quire has no equivalent for (as paragraphs or plain text)`);
  return changes;
}

function describe(counts: Map<string, number>): string {
  return [...counts].map(([name, count]) => `${count} <${name}>`).join(', ');
}
